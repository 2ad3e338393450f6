using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Alerts;

/// <summary>An alert as operators see it. <see cref="Label"/> is always "possible match": the system never identifies anyone.</summary>
/// <param name="Urgency">The subject's urgency when the alert was raised (null for alerts raised before urgency triage).</param>
public sealed record AlertSummary(
    Guid Id, Guid DeploymentId, Guid CameraId, string TrackId, Guid SubjectId, string SubjectReference, string SubjectName,
    SubjectCategory SubjectCategory, SubjectUrgency? Urgency, Guid SubjectImageId, double Score, double Threshold, DateTime FrameTimeUtc, DateTime RaisedAtUtc,
    AlertDecision Decision, string? AdjudicatedBy, DateTime? AdjudicatedAtUtc, string? AdjudicationNotes,
    AlertOutcome? Outcome, bool? Arrested, bool IsEvidence, string? EvidenceReason)
{
    public const string PossibleMatch = "possible match";

    public string Label => PossibleMatch;

    /// <summary>The urgency in words with its colour ("Red: immediate", ...).</summary>
    public string UrgencyLabel => SubjectUrgencies.Label(Urgency);

    /// <summary>What an officer is expected to do if the operator judges it to be the person.</summary>
    public string UrgencyAction => SubjectUrgencies.ExpectedAction(Urgency);

    public static AlertSummary From(Alert a, Subject s) => new(
        a.Id, a.DeploymentId, a.CameraId, a.TrackId, a.SubjectId, s.Reference, s.DisplayName, s.Category, a.Urgency, a.SubjectImageId,
        a.Score, a.Threshold, a.FrameTimeUtc, a.RaisedAtUtc, a.Decision, a.AdjudicatedByName, a.AdjudicatedAtUtc, a.AdjudicationNotes,
        a.Outcome, a.Arrested, a.IsEvidence, a.EvidenceReason);
}

public sealed record AdjudicateRequest(AlertDecision? Decision, string? Notes);

public sealed record OutcomeRequest(AlertOutcome? Outcome, bool? Arrested, string? Notes);

public sealed record EvidenceRequest(string? Reason);
