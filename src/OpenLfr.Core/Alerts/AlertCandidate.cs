namespace OpenLfr.Core.Alerts;

/// <summary>
/// What the live pipeline hands over when a track may match a watchlist subject. The images are JPEG;
/// they are encrypted before they are stored and never logged.
/// </summary>
/// <param name="TrackId">The tracker's id for the person, unique within the camera's run.</param>
/// <param name="Score">Pooled similarity over the track (cosine, -1..1).</param>
/// <param name="FrameTimeUtc">When the best frame was captured.</param>
/// <param name="ProbeCropJpeg">The best face crop of the track.</param>
/// <param name="FrameThumbnailJpeg">The frame with every other face blurred.</param>
public sealed record AlertCandidate(
    Guid DeploymentId,
    Guid CameraId,
    string TrackId,
    Guid SubjectId,
    Guid SubjectImageId,
    double Score,
    DateTime FrameTimeUtc,
    byte[] ProbeCropJpeg,
    byte[] FrameThumbnailJpeg);
