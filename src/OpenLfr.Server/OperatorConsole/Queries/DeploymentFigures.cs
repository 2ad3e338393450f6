using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Server.OperatorConsole.Queries;

/// <summary>
/// The published figures of one deployment. For a reviewed deployment they are the ones frozen at review;
/// before that they are computed from the alerts now, with the same rules as the review
/// (<see cref="DeploymentService.ReviewAsync"/>): a false alert is one the operator judged no match or
/// an engagement that found someone else.
/// </summary>
/// <param name="Immediate">Alerts raised with urgency red (immediate); <paramref name="Arrest"/> amber, <paramref name="IntelligenceOnly"/> green.</param>
public sealed record DeploymentFigures(
    int WatchlistSize, long FacesSeen, int Alerts, int TrueAlerts, int FalseAlerts, int Pending, int Engagements, int Arrests, bool Final,
    int Immediate, int Arrest, int IntelligenceOnly)
{
    /// <summary>Alerts raised without an urgency (before urgency triage existed).</summary>
    public int UrgencyNotRecorded => Math.Max(0, Alerts - Immediate - Arrest - IntelligenceOnly);

    /// <summary>False alerts per face seen (null before any face was seen).</summary>
    public double? FalseAlertRate => FacesSeen == 0 ? null : (double)FalseAlerts / FacesSeen;

    /// <summary>"1 in N faces" wording for the false alert rate, or a sentence saying why there is none.</summary>
    public string FalseAlertRateText => FalseAlertRate switch
    {
        null => "no faces seen",
        0 => $"0 false alerts in {FacesSeen:N0} faces",
        var r => $"1 in {Math.Round(1 / r.Value):N0} faces ({r.Value:0.#####})",
    };

    public static async Task<DeploymentFigures> ComputeAsync(LfrDbContext db, Guid deploymentId, CancellationToken ct = default)
    {
        var d = await db.Deployments.AsNoTracking().FirstAsync(x => x.Id == deploymentId, ct);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.DeploymentId == deploymentId)
            .Select(a => new { a.Decision, a.Outcome, a.Arrested, a.Urgency }).ToListAsync(ct);
        var pending = alerts.Count(a => a.Decision == AlertDecision.Pending);
        if (d.Status == DeploymentStatus.Reviewed)
            return new DeploymentFigures(d.WatchlistSize ?? 0, d.FacesSeen, d.AlertsRaised, d.TrueAlerts ?? 0, d.FalseAlerts ?? 0, pending,
                d.Engagements ?? 0, d.Arrests ?? 0, true, d.ImmediateAlerts ?? 0, d.ArrestAlerts ?? 0, d.IntelligenceOnlyAlerts ?? 0);
        var watchlistSize = await db.Subjects.CountAsync(s => s.WatchlistId == d.WatchlistId, ct);
        return new DeploymentFigures(
            watchlistSize, d.FacesSeen, Math.Max(d.AlertsRaised, alerts.Count),
            alerts.Count(a => a.Outcome == AlertOutcome.ConfirmedSubject),
            alerts.Count(a => a.Decision == AlertDecision.NoMatch || a.Outcome == AlertOutcome.NotTheSubject),
            pending,
            alerts.Count(a => a.Decision == AlertDecision.Engage),
            alerts.Count(a => a.Arrested == true),
            false,
            alerts.Count(a => a.Urgency == SubjectUrgency.Immediate),
            alerts.Count(a => a.Urgency == SubjectUrgency.Arrest),
            alerts.Count(a => a.Urgency == SubjectUrgency.IntelligenceOnly));
    }
}
