using OpenLfr.Core.Recognition;

namespace OpenLfr.Core.Deployments;

/// <param name="ImmediateAlerts">Review figures (null before review): alerts raised with each urgency; see <see cref="Deployment.ImmediateAlerts"/>.</param>
/// <param name="ThresholdMeaning">The threshold in words: its expected false alert rate for <paramref name="Embedder"/>.</param>
public sealed record DeploymentView(
    Guid Id, string Name, string Place, string PlaceJustification, string Purpose, string Necessity, string Proportionality,
    Guid WatchlistId, IReadOnlyList<Guid> CameraIds, DateTime StartsAtUtc, DateTime EndsAtUtc, double Threshold,
    string Embedder, string ThresholdMeaning,
    DeploymentStatus Status, bool SignageConfirmed,
    string? DpiaReference, string? AppropriatePolicyDocumentReference, bool StandaloneConfirmed,
    string CreatedBy, DateTime CreatedAtUtc,
    string? AuthorisedBy, string? AuthoriserRank, DateTime? AuthorisedAtUtc, string? AuthorisationNotes,
    string? ActivatedBy, DateTime? ActivatedAtUtc, DateTime? EndedAtUtc, string? EndReason,
    long FacesSeen, int AlertsRaised,
    string? ReviewedBy, DateTime? ReviewedAtUtc, string? ReviewConclusions,
    int? WatchlistSize, int? TrueAlerts, int? FalseAlerts, int? Engagements, int? Arrests,
    IReadOnlyList<CameraFacesSeen> FacesSeenByCamera,
    int? ImmediateAlerts, int? ArrestAlerts, int? IntelligenceOnlyAlerts)
{
    public static DeploymentView From(Deployment d) => new(
        d.Id, d.Name, d.Place, d.PlaceJustification, d.Purpose, d.Necessity, d.Proportionality,
        d.WatchlistId, d.Cameras.Select(c => c.CameraId).ToList(), d.StartsAtUtc, d.EndsAtUtc, d.Threshold,
        d.Embedder, Recognition.ThresholdMeaning.Describe(d.Embedder, d.Threshold),
        d.Status, d.SignageConfirmed, d.DpiaReference, d.AppropriatePolicyDocumentReference, d.StandaloneConfirmed, d.CreatedByName, d.CreatedAtUtc,
        d.AuthorisedByName, d.AuthoriserRank, d.AuthorisedAtUtc, d.AuthorisationNotes,
        d.ActivatedByName, d.ActivatedAtUtc, d.EndedAtUtc, d.EndReason, d.FacesSeen, d.AlertsRaised,
        d.ReviewedByName, d.ReviewedAtUtc, d.ReviewConclusions, d.WatchlistSize, d.TrueAlerts, d.FalseAlerts, d.Engagements, d.Arrests,
        d.Cameras.Select(c => new CameraFacesSeen(c.CameraId, c.FacesSeen)).ToList(),
        d.ImmediateAlerts, d.ArrestAlerts, d.IntelligenceOnlyAlerts);
}

/// <summary>Distinct face tracks one camera of a deployment saw (the deployment's <c>FacesSeen</c> is their sum).</summary>
public sealed record CameraFacesSeen(Guid CameraId, long FacesSeen);
