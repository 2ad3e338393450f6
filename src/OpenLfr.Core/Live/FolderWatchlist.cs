using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Matching;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.Live;

/// <summary>
/// A watchlist read from a folder (one sub-folder per subject, named as the subject, holding one or
/// more photos) for the standalone <c>lfr watch</c>; the server builds its matcher from the database.
/// Each photo's largest face is enrolled; photos without a face are reported, not skipped silently.
/// </summary>
public sealed class FolderWatchlist : IWatchlistMatcher, IDisposable
{
    private readonly FaceGallery<(string Subject, string Image)> _gallery;
    private readonly string _embedderId;
    private readonly string _embedderVersion;

    private FolderWatchlist(FaceGallery<(string, string)> gallery, string embedderId, string embedderVersion, IReadOnlyList<string> problems)
    {
        _gallery = gallery;
        _embedderId = embedderId;
        _embedderVersion = embedderVersion;
        Problems = problems;
    }

    /// <summary>Photos that could not be enrolled, with the reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    public int Count => _gallery.Count;

    public static FolderWatchlist Load(string directory, VisionLiveFaceAnalyzer analyzer)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Watchlist folder {directory} does not exist; give a folder with one sub-folder of photos per subject.");
        var embedder = analyzer.Embedder;
        var gallery = new FaceGallery<(string, string)>(embedder.Id, embedder.Version, embedder.Dimension);
        var problems = new List<string>();
        foreach (var subjectDir in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var subject = Path.GetFileName(subjectDir);
            foreach (var file in Directory.GetFiles(subjectDir).Order(StringComparer.Ordinal))
            {
                RgbImage image;
                try
                {
                    image = ImageDecoder.Default.Decode(file);
                }
                catch (Exception e) when (e is ImageDecodeException or IOException)
                {
                    problems.Add($"{file}: {e.Message}");
                    continue;
                }
                var faces = analyzer.Detect(image, RegionOfInterest.Full(image.Width, image.Height));
                if (faces.Count == 0)
                {
                    problems.Add($"{file}: no face found");
                    continue;
                }
                var largest = faces.MaxBy(f => f.Box.Area);
                var vector = analyzer.Embed(image, [largest])[0];
                gallery.Add((subject, Path.GetFileName(file)), new FaceTemplate(embedder.Id, embedder.Version, vector));
            }
        }
        if (gallery.Count == 0)
            throw new InvalidDataException($"Watchlist folder {directory} has no usable photo (expected DIR/<subject>/<photo>.jpg){(problems.Count > 0 ? ": " + string.Join("; ", problems) : "")}.");
        return new FolderWatchlist(gallery, embedder.Id, embedder.Version, problems);
    }

    public WatchlistHit? Best(float[] probe)
    {
        var matches = _gallery.Search(new FaceTemplate(_embedderId, _embedderVersion, probe), k: 1);
        return matches.Count == 0 ? null : new WatchlistHit(matches[0].Key.Subject, matches[0].Key.Image, matches[0].Score);
    }

    public void Dispose() => _gallery.Dispose();
}
