using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Alerts;

/// <summary>
/// A possible match raised by the live pipeline, stored (crops encrypted) before anyone is told. Never an
/// identification: a person decides. Deleted after the retention period unless marked as evidence.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; }
    public Guid DeploymentId { get; set; }
    public Guid CameraId { get; set; }
    public string TrackId { get; set; } = "";
    public Guid SubjectId { get; set; }
    public Guid SubjectImageId { get; set; }
    /// <summary>
    /// The subject's urgency when the alert was raised (copied, so later changes to the subject or the watchlist's
    /// destruction do not rewrite history); null for alerts raised before urgency triage existed.
    /// </summary>
    public SubjectUrgency? Urgency { get; set; }
    public double Score { get; set; }
    public double Threshold { get; set; }
    public DateTime FrameTimeUtc { get; set; }
    public DateTime RaisedAtUtc { get; set; }
    /// <summary>
    /// When the alert was stored or last changed (decision, outcome, evidence), on the clock of the node that changed it:
    /// servers poll it (indexed) to push alerts stored and decisions made on other nodes to their consoles.
    /// </summary>
    public DateTime ChangedAtUtc { get; set; }
    /// <summary>The best face crop of the track (JPEG, encrypted).</summary>
    public byte[]? EncryptedProbeCrop { get; set; }
    /// <summary>The frame with every other face blurred (JPEG, encrypted).</summary>
    public byte[]? EncryptedFrameThumbnail { get; set; }

    public AlertDecision Decision { get; set; }
    public Guid? AdjudicatedById { get; set; }
    public string? AdjudicatedByName { get; set; }
    public DateTime? AdjudicatedAtUtc { get; set; }
    public string? AdjudicationNotes { get; set; }

    public AlertOutcome? Outcome { get; set; }
    public bool? Arrested { get; set; }
    public string? OutcomeRecordedByName { get; set; }
    public DateTime? OutcomeRecordedAtUtc { get; set; }

    public bool IsEvidence { get; set; }
    public string? EvidenceReason { get; set; }
    public string? EvidenceMarkedByName { get; set; }
    public DateTime? EvidenceMarkedAtUtc { get; set; }

    public static string ProbeAad(Guid id) => $"alert-probe:{id:D}";
    public static string ThumbnailAad(Guid id) => $"alert-thumbnail:{id:D}";
}
