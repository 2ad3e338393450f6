using OpenLfr.Core.Live;
using OpenLfr.Core.Watchlists;
using OpenLfr.Vision.Matching;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// A deployment's watchlist for the live pipeline, built from the decrypted templates in the database.
/// Held in memory only for as long as the camera runs. Thread-safe.
/// </summary>
public sealed class DatabaseWatchlistMatcher : IWatchlistMatcher, IDisposable
{
    private readonly FaceGallery<(Guid Subject, Guid Image)> _gallery;

    private DatabaseWatchlistMatcher(FaceGallery<(Guid, Guid)> gallery) => _gallery = gallery;

    public int Count => _gallery.Count;

    /// <summary>
    /// Builds the gallery. Templates made by another embedder (or another version of it) cannot be
    /// compared with live probes, so any such template refuses the whole watchlist: matching only part
    /// of it would silently miss people.
    /// </summary>
    /// <exception cref="WatchlistUnusableException">Empty watchlist, or templates of another embedder.</exception>
    public static DatabaseWatchlistMatcher Build(IReadOnlyList<WatchlistTemplate> templates, string embedderId, string embedderVersion, int dimension, Guid watchlistId)
    {
        EnsureUsable(templates, embedderId, embedderVersion, dimension, watchlistId);
        var gallery = new FaceGallery<(Guid, Guid)>(embedderId, embedderVersion, dimension, templates.Count);
        foreach (var t in templates)
            gallery.Add((t.SubjectId, t.SubjectImageId), t.Template);
        return new DatabaseWatchlistMatcher(gallery);
    }

    /// <summary>
    /// Throws <see cref="WatchlistUnusableException"/> when the watchlist is empty or any template was made by
    /// another embedder. With a null version and dimension only the embedder id is checked (before models load).
    /// </summary>
    public static void EnsureUsable(IReadOnlyList<WatchlistTemplate> templates, string embedderId, string? embedderVersion, int? dimension, Guid watchlistId)
    {
        if (templates.Count == 0)
            throw new WatchlistUnusableException($"Watchlist {watchlistId} has no enrolled templates (none enrolled yet, or destroyed by retention); enrol images before activating the deployment.");
        var foreign = templates.Where(t => t.Template.EmbedderId != embedderId
            || (embedderVersion is not null && t.Template.EmbedderVersion != embedderVersion)
            || (dimension is not null && t.Template.Vector.Length != dimension)).ToList();
        if (foreign.Count == 0) return;
        var made = string.Join(", ", foreign.Select(t => $"{t.Template.EmbedderId} {t.Template.EmbedderVersion}").Distinct());
        throw new WatchlistUnusableException($"Watchlist {watchlistId}: {foreign.Count} of {templates.Count} templates were made by embedder {made}, but the live pipeline uses {embedderId} {embedderVersion}; " +
            $"re-enrol the watchlist with the server's embedder or set {Recognition.RecognitionOptions.Section}:Embedder to the enrolment embedder.");
    }

    public WatchlistHit? Best(float[] probe)
    {
        var matches = _gallery.Search(new FaceTemplate(_gallery.EmbedderId, _gallery.EmbedderVersion, probe), k: 1);
        return matches.Count == 0 ? null : new WatchlistHit(matches[0].Key.Subject.ToString("D"), matches[0].Key.Image.ToString("D"), matches[0].Score);
    }

    public void Dispose() => _gallery.Dispose();
}

/// <summary>A deployment's watchlist cannot be used by the live pipeline; the message says why and what to do.</summary>
public sealed class WatchlistUnusableException(string message) : Exception(message);
