using OpenLfr.Core.Enrolment;
using OpenLfr.Core.Live;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// Enrolment with exactly the face analysis the camera workers use (same detector, landmarker and
/// embedder), so watchlist templates and live probes always compare. Accepts an image with one clear
/// face; rejects no face, several similar-sized faces, or a face too small or unclear to identify.
/// Models load on first use; thread-safe (one analysis at a time).
/// </summary>
public sealed class LiveFaceEnrolmentAnalyzer(string embedder = LiveDefaults.Embedder) : IFaceEnrolmentAnalyzer, IDisposable
{
    /// <summary>Below this live quality (detector confidence x size) a face is too small or unclear to enrol.</summary>
    public const double MinimumQuality = 0.3;

    private readonly Lock _lock = new();
    private VisionLiveFaceAnalyzer? _analyzer;
    private string? _unavailable;

    public string? UnavailableReason
    {
        get
        {
            lock (_lock) return TryLoad() is null ? _unavailable : null;
        }
    }

    public Task<FaceEnrolmentResult> AnalyzeAsync(ReadOnlyMemory<byte> encodedImage, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        RgbImage image;
        try
        {
            image = ImageDecoder.Default.Decode(encodedImage.ToArray(), "upload");
        }
        catch (ImageDecodeException e)
        {
            return Task.FromResult(FaceEnrolmentResult.Reject(null, $"The image could not be read: {e.Message}"));
        }
        lock (_lock)
        {
            var analyzer = TryLoad();
            if (analyzer is null) return Task.FromResult(FaceEnrolmentResult.Reject(null, $"The face pipeline is not available: {_unavailable}"));
            var faces = analyzer.Detect(image, RegionOfInterest.Full(image.Width, image.Height)).OrderByDescending(f => f.Box.Area).ToList();
            if (faces.Count == 0) return Task.FromResult(FaceEnrolmentResult.Reject(0, "No face was found; use a clear, front-facing photo of the subject."));
            // A second face nearly as large means we cannot tell which one is the subject.
            if (faces.Count > 1 && faces[1].Box.Area > 0.5 * faces[0].Box.Area)
                return Task.FromResult(FaceEnrolmentResult.Reject(faces[0].Quality, $"{faces.Count} faces were found; crop the photo to the subject alone."));
            var face = faces[0];
            if (face.Quality < MinimumQuality)
                return Task.FromResult(FaceEnrolmentResult.Reject(face.Quality, $"The face is too small or unclear (quality {face.Quality:0.00}, at least {MinimumQuality:0.00} needed); use a larger, sharper photo."));
            var vector = analyzer.Embed(image, [face])[0];
            var e = analyzer.Embedder;
            return Task.FromResult(FaceEnrolmentResult.Accept(new FaceTemplate(e.Id, e.Version, vector), face.Quality));
        }
    }

    private VisionLiveFaceAnalyzer? TryLoad()
    {
        if (_analyzer is not null || _unavailable is not null) return _analyzer;
        try
        {
            _analyzer = VisionLiveFaceAnalyzer.Load(embedder);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException or IOException)
        {
            _unavailable = e.Message;
        }
        return _analyzer;
    }

    public void Dispose()
    {
        lock (_lock) _analyzer?.Dispose();
    }
}
