namespace OpenLfr.Vision.Tracking;

/// <summary>
/// The outcome of one frame: for each input detection (same order) the track it now belongs to, and
/// the tracks that ended in this update (confirmed ones are distinct faces; tentative ones were noise).
/// </summary>
public sealed record TrackerUpdate(IReadOnlyList<Track> Assigned, IReadOnlyList<Track> Ended);
