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

    /// <summary>Embeddings a track must have pooled before it may alert (one frame alone is noisier).</summary>
    public int MinSamplesForAlert { get; init; } = 2;

    /// <summary>At most one embedding per track per this many seconds of stream time.</summary>
    public double MinSampleIntervalSeconds { get; init; } = 0.15;

    /// <summary>Faces below this quality are tracked but not embedded.</summary>
    public float MinQuality { get; init; } = 0.05f;

    public TrackerOptions Tracker { get; init; } = new();
}
