namespace OpenLfr.Vision.Tracking;

/// <summary>Tracker tuning. Times are in seconds of stream time, so behaviour does not change with the frame rate.</summary>
public sealed record TrackerOptions
{
    /// <summary>Detections needed before a track is confirmed (filters one-frame false positives).</summary>
    public int MinHits { get; init; } = 3;

    /// <summary>A confirmed track not seen for this long ends (covers short occlusions and missed detections).</summary>
    public double MaxAgeSeconds { get; init; } = 1.0;

    /// <summary>A tentative track not seen for this long is discarded.</summary>
    public double TentativeMaxAgeSeconds { get; init; } = 0.3;

    /// <summary>A pair is a candidate when the predicted box overlaps the detection at least this much...</summary>
    public float MinIou { get; init; } = 0.1f;

    /// <summary>...or when their centres are at most this many face sizes apart (fast motion, low fps).</summary>
    public float MaxCenterDistance { get; init; } = 1.5f;

    /// <summary>With embeddings on both sides, pairs less similar than this (cosine) are never matched.</summary>
    public float MinAppearanceSimilarity { get; init; } = 0.3f;

    /// <summary>Weight of the appearance similarity in the matching score.</summary>
    public float AppearanceWeight { get; init; } = 1.0f;

    /// <summary>Alpha-beta filter gains for the centre (alpha: position correction; beta: velocity correction).</summary>
    public float PositionAlpha { get; init; } = 0.7f;
    public float PositionBeta { get; init; } = 0.3f;

    /// <summary>Gains for the size (faces grow as people approach).</summary>
    public float SizeAlpha { get; init; } = 0.6f;
    public float SizeBeta { get; init; } = 0.1f;
}
