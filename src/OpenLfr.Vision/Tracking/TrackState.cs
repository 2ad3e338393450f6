namespace OpenLfr.Vision.Tracking;

public enum TrackState
{
    /// <summary>Seen fewer than MinHits times; may be a false detection.</summary>
    Tentative,
    /// <summary>A face being followed.</summary>
    Confirmed,
    /// <summary>No longer followed; reported once in <see cref="TrackerUpdate.Ended"/>.</summary>
    Ended,
}
