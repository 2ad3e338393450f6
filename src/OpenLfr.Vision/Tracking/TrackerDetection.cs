namespace OpenLfr.Vision.Tracking;

/// <summary>
/// A face found in one frame, as the tracker sees it. <paramref name="Appearance"/> is an optional
/// L2-normalised embedding used as an extra cue; the tracker reads it and never stores it.
/// </summary>
public sealed record TrackerDetection(TrackBox Box, float Score = 1, float[]? Appearance = null);
