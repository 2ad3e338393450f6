using OpenLfr.Vision.Tracking;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.Live;

/// <summary>Identification settings of one camera's pipeline.</summary>
public sealed record LivePipelineOptions
{
    /// <summary>Cosine similarity at or above which a track's pooled evidence raises a possible-match alert.</summary>
    public float Threshold { get; init; } = LiveDefaults.Threshold;

    /// <summary>The watched area in detect-frame pixels; null = the whole frame.</summary>
    public RegionOfInterest? RegionOfInterest { get; init; }

    /// <summary>Embeddings kept per track (its best frames by quality).</summary>
    public int SamplesPerTrack { get; init; } = 3;

    /// <summary>How the kept embeddings become one score (chosen by `lfr evaluate-live`, docs/benchmarks.md).</summary>
    public TrackPooling Pooling { get; init; } = TrackPooling.Mean;

    /// <summary>
    /// Appearance re-link: a new track whose first embedding is at least this similar (cosine) to the evidence of a
    /// track of this camera that ended at most <see cref="RelinkSeconds"/> ago continues that track (a person lost
    /// behind someone else for a moment stays one track and is not alerted twice). Null turns re-linking off.
    /// </summary>
    public float? RelinkSimilarity { get; init; } = LiveDefaults.RelinkSimilarity;

    /// <summary>How long an ended track's evidence is held (in memory) for a re-link, in seconds of stream time.</summary>
    public double RelinkSeconds { get; init; } = 2.0;

    /// <summary>
    /// A new embedding of a track less similar than this (cosine) to the track's evidence is another person: the
    /// tracker followed someone else across a crossing, so the track is split there. Null turns the check off.
    /// </summary>
    public float? SwitchSimilarity { get; init; } = LiveDefaults.SwitchSimilarity;

    /// <summary>Evaluation hook (boxes and scores only); null in production.</summary>
    public ILiveObserver? Observer { get; init; }

    /// <summary>Embeddings a track must have pooled before it may alert (one frame alone is noisier).</summary>
    public int MinSamplesForAlert { get; init; } = 2;

    /// <summary>At most one embedding per track per this many seconds of stream time.</summary>
    public double MinSampleIntervalSeconds { get; init; } = 0.15;

    /// <summary>Faces below this quality are tracked but not embedded.</summary>
    public float MinQuality { get; init; } = 0.05f;

    public TrackerOptions Tracker { get; init; } = new();
}
