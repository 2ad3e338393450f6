namespace OpenLfr.Core.Live;

/// <summary>
/// A passer-by's face may match a watchlist subject: a prompt for a human to review, never a decision.
/// Raised once per (track, subject). Holds biometric data of a possibly matched person only.
/// </summary>
/// <param name="Camera">The camera's name.</param>
/// <param name="TrackId">The track (one person's pass) that matched; unique per camera run.</param>
/// <param name="SubjectId">The watchlist subject.</param>
/// <param name="WatchlistImageId">The watchlist image that scored best.</param>
/// <param name="FaceBox">Where the matched face is in the frame (detect-frame pixels).</param>
/// <param name="Score">Cosine similarity of the pooled track evidence to that image (0..1 in practice).</param>
/// <param name="FirstSeen">When the track was first detected (wall clock).</param>
/// <param name="FrameTime">Stream position (seconds) of the frame that completed the evidence.</param>
/// <param name="FrameArrivedAt">When that frame arrived from the camera.</param>
/// <param name="RaisedAt">When the alert was made.</param>
/// <param name="LatencyMs">Frame arrival to alert, in milliseconds.</param>
/// <param name="ProbeCropJpeg">The best-quality face crop of the track, JPEG.</param>
/// <param name="FrameThumbnailJpeg">The frame, downscaled, with every other face blurred, JPEG.</param>
public sealed record PossibleMatchAlert(
    string Camera,
    long TrackId,
    string SubjectId,
    string WatchlistImageId,
    OpenLfr.Vision.Detection.BoxF FaceBox,
    float Score,
    DateTimeOffset FirstSeen,
    double FrameTime,
    DateTimeOffset FrameArrivedAt,
    DateTimeOffset RaisedAt,
    double LatencyMs,
    byte[] ProbeCropJpeg,
    byte[] FrameThumbnailJpeg);
