namespace OpenLfr.Core.Live;

/// <summary>
/// How a track's embeddings (its best few frames) become one score against the watchlist. Chosen by the
/// alert-accuracy evaluation on simulated walk-pasts (`lfr evaluate-live`, docs/benchmarks.md).
/// </summary>
public enum TrackPooling
{
    /// <summary>The unit-length mean of the kept embeddings is searched once.</summary>
    Mean,

    /// <summary>As <see cref="Mean"/>, each embedding weighted by its frame's quality.</summary>
    QualityWeighted,

    /// <summary>Each kept embedding is searched; the best hit counts (more chances, so a higher impostor tail).</summary>
    MaxScore,
}
