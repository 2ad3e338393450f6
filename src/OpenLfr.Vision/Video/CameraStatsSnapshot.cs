namespace OpenLfr.Vision.Video;

/// <summary>A camera's counters at one moment. Rates are per second over the last 5 s.</summary>
public sealed record CameraStatsSnapshot(
    string Camera,
    long FramesIn,
    long FramesProcessed,
    long Dropped,
    long Restarts,
    double FpsIn,
    double FpsProcessed,
    DateTimeOffset? LastFrameAt);
