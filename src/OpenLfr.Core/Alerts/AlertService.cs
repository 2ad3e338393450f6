using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Policy;
using OpenLfr.Core.Security;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Alerts;

/// <summary>Stores alerts (encrypted crops), shows them (audited) and records the operator's decisions.</summary>
public sealed class AlertService(
    LfrDbContext db, AuditLog audit, BiometricProtector protector, CameraProcessingGate gate,
    IEnumerable<IAlertNotifier> notifiers, ThresholdPolicy thresholds, TimeProvider clock, ILogger<AlertService> logger)
{
    public async Task<Guid> RaiseAsync(AlertCandidate c, CancellationToken ct = default)
    {
        var assignment = await gate.GetAssignmentAsync(c.CameraId, ct);
        if (assignment is null || assignment.DeploymentId != c.DeploymentId)
            throw DomainException.Conflict($"Camera {c.CameraId} is not processing for deployment {c.DeploymentId} now (not active or outside its window); the alert was refused.");
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == c.SubjectId && s.WatchlistId == assignment.WatchlistId, ct)
            ?? throw DomainException.Validation("subjectId", $"Subject {c.SubjectId} is not on the deployment's watchlist.");
        if (!await db.SubjectImages.AnyAsync(i => i.Id == c.SubjectImageId && i.SubjectId == c.SubjectId, ct))
            throw DomainException.Validation("subjectImageId", $"Image {c.SubjectImageId} is not an image of subject {c.SubjectId}.");
        // The threshold the camera worker applied: the deployment's single-image threshold raised to the policy minimum for
        // the watchlist's size now, with the embedder's live adjustment for pooled track evidence (a float score a hair
        // under it by rounding is the pipeline's own decision, hence the 1e-6).
        double threshold;
        try { threshold = thresholds.AlertThreshold(assignment.Embedder, assignment.Threshold, assignment.WatchlistTemplates); }
        catch (ArgumentOutOfRangeException e) { throw DomainException.Conflict($"No alert can be raised for deployment {c.DeploymentId}: {e.Message}"); }
        if (c.Score < threshold - 1e-6)
            throw DomainException.Validation("score", $"Score {c.Score} is below the deployment's live alert threshold {threshold} (deployment threshold {assignment.Threshold}, " +
                $"raised to the policy minimum for its watchlist of {assignment.WatchlistTemplates} templates if lower, adjusted for pooled track evidence).");
        var errors = new ValidationErrors();
        errors.Require("trackId", c.TrackId, 100);
        if (c.ProbeCropJpeg.Length == 0) errors.Add("probeCropJpeg", "The probe crop is empty.");
        if (c.FrameThumbnailJpeg.Length == 0) errors.Add("frameThumbnailJpeg", "The frame thumbnail is empty.");
        errors.ThrowIfAny();

        var alert = new Alert
        {
            Id = Guid.NewGuid(),
            DeploymentId = c.DeploymentId,
            CameraId = c.CameraId,
            TrackId = c.TrackId,
            SubjectId = c.SubjectId,
            SubjectImageId = c.SubjectImageId,
            Urgency = subject.Urgency,
            Score = c.Score,
            Threshold = threshold,
            FrameTimeUtc = Timestamps.Truncate(c.FrameTimeUtc),
            RaisedAtUtc = Timestamps.Now(clock),
            Decision = AlertDecision.Pending,
        };
        alert.ChangedAtUtc = alert.RaisedAtUtc;
        alert.EncryptedProbeCrop = protector.Protect(c.ProbeCropJpeg, Alert.ProbeAad(alert.Id));
        alert.EncryptedFrameThumbnail = protector.Protect(c.FrameThumbnailJpeg, Alert.ThumbnailAad(alert.Id));
        db.Alerts.Add(alert);
        var deployment = await db.Deployments.FirstAsync(d => d.Id == c.DeploymentId, ct);
        deployment.AlertsRaised++;
        await audit.CommitAsync(db, Actor.System("live"), new AuditEvent("alert.raised", "alert", alert.Id.ToString(),
            new { alert.DeploymentId, alert.CameraId, alert.TrackId, alert.SubjectId, alert.Urgency, score = Math.Round(alert.Score, 4) }), ct);

        // Stored first; only now is anyone told.
        var summary = AlertSummary.From(alert, subject);
        foreach (var notifier in notifiers)
        {
            try { await notifier.NotifyAsync(summary, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Alert {AlertId} is stored but notifier {Notifier} failed", alert.Id, notifier.GetType().Name);
            }
        }
        return alert.Id;
    }

    /// <summary>Newest first, at most 500; optionally one deployment's, one decision's or one urgency's.</summary>
    public async Task<IReadOnlyList<AlertSummary>> ListAsync(Actor actor, Guid? deploymentId, AlertDecision? decision, SubjectUrgency? urgency, CancellationToken ct = default)
    {
        var query = from a in db.Alerts.AsNoTracking()
                    join s in db.Subjects.AsNoTracking() on a.SubjectId equals s.Id
                    select new { a, s };
        if (deploymentId is not null) query = query.Where(x => x.a.DeploymentId == deploymentId);
        if (decision is not null) query = query.Where(x => x.a.Decision == decision);
        if (urgency is not null) query = query.Where(x => x.a.Urgency == urgency);
        var rows = await query.OrderByDescending(x => x.a.RaisedAtUtc).Take(500).ToListAsync(ct);
        var alerts = rows.Select(x => AlertSummary.From(x.a, x.s)).ToList();
        if (alerts.Count > 0)
            await audit.CommitAsync(db, actor, new AuditEvent("alerts.listed", "alert", "*", new { deploymentId, decision, urgency, alerts = alerts.Select(a => a.Id).ToList() }), ct);
        return alerts;
    }

    public async Task<AlertSummary> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var (alert, subject) = await LoadAsync(id, tracking: false, ct);
        await audit.CommitAsync(db, actor, new AuditEvent("alert.viewed", "alert", id.ToString()), ct);
        return AlertSummary.From(alert, subject);
    }

    /// <summary>The probe crop or the blurred frame, decrypted; the view is audited.</summary>
    public async Task<ImageContent> GetImageAsync(Actor actor, Guid id, AlertImageKind kind, CancellationToken ct = default)
    {
        var (alert, _) = await LoadAsync(id, tracking: false, ct);
        var blob = kind == AlertImageKind.Probe ? alert.EncryptedProbeCrop : alert.EncryptedFrameThumbnail;
        if (blob is null) throw DomainException.NotFound("Alert image", id);
        var data = protector.Unprotect(blob, kind == AlertImageKind.Probe ? Alert.ProbeAad(id) : Alert.ThumbnailAad(id));
        await audit.CommitAsync(db, actor, new AuditEvent("alert-image.viewed", "alert", id.ToString(), new { kind }), ct);
        return new ImageContent(data, "image/jpeg");
    }

    public async Task<AlertSummary> AdjudicateAsync(Actor actor, Guid id, AdjudicateRequest request, CancellationToken ct = default)
    {
        if (request.Decision is not (AlertDecision.NoMatch or AlertDecision.Engage))
            throw DomainException.Validation("decision", "decision must be NoMatch or Engage.");
        var (alert, subject) = await LoadAsync(id, tracking: true, ct);
        if (alert.Decision != AlertDecision.Pending)
            throw DomainException.Conflict($"The alert was already adjudicated ({alert.Decision}) by {alert.AdjudicatedByName}.");
        alert.Decision = request.Decision.Value;
        alert.AdjudicatedById = actor.UserId;
        alert.AdjudicatedByName = actor.Name;
        alert.AdjudicatedAtUtc = alert.ChangedAtUtc = Timestamps.Now(clock);
        alert.AdjudicationNotes = request.Notes?.Trim();
        await audit.CommitAsync(db, actor, new AuditEvent("alert.adjudicated", "alert", id.ToString(), new { alert.Decision, request.Notes }), ct);
        return AlertSummary.From(alert, subject);
    }

    public async Task<AlertSummary> RecordOutcomeAsync(Actor actor, Guid id, OutcomeRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (request.Outcome is null || !Enum.IsDefined(request.Outcome.Value))
            errors.Add("outcome", $"outcome must be one of {string.Join(", ", Enum.GetNames<AlertOutcome>())}.");
        if (request.Arrested is null) errors.Add("arrested", "arrested (true or false) is required.");
        else if (request.Arrested == true && request.Outcome != AlertOutcome.ConfirmedSubject)
            errors.Add("arrested", "An arrest can only follow a confirmed subject.");
        errors.ThrowIfAny();
        var (alert, subject) = await LoadAsync(id, tracking: true, ct);
        if (alert.Decision != AlertDecision.Engage)
            throw DomainException.Conflict("An outcome is recorded only for an alert the operator decided to engage on.");
        if (alert.Outcome is not null)
            throw DomainException.Conflict($"The outcome was already recorded ({alert.Outcome}).");
        alert.Outcome = request.Outcome;
        alert.Arrested = request.Arrested;
        alert.OutcomeRecordedByName = actor.Name;
        alert.OutcomeRecordedAtUtc = alert.ChangedAtUtc = Timestamps.Now(clock);
        if (!string.IsNullOrWhiteSpace(request.Notes))
            alert.AdjudicationNotes = string.IsNullOrEmpty(alert.AdjudicationNotes) ? request.Notes.Trim() : alert.AdjudicationNotes + "\n" + request.Notes.Trim();
        await audit.CommitAsync(db, actor, new AuditEvent("alert.outcome-recorded", "alert", id.ToString(), new { alert.Outcome, alert.Arrested }), ct);
        return AlertSummary.From(alert, subject);
    }

    /// <summary>Keeps the alert beyond the retention period because it is needed for proceedings.</summary>
    public async Task<AlertSummary> MarkEvidenceAsync(Actor actor, Guid id, EvidenceRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        errors.Require("reason", request.Reason, 4000);
        errors.ThrowIfAny();
        var (alert, subject) = await LoadAsync(id, tracking: true, ct);
        alert.IsEvidence = true;
        alert.EvidenceReason = request.Reason!.Trim();
        alert.EvidenceMarkedByName = actor.Name;
        alert.EvidenceMarkedAtUtc = alert.ChangedAtUtc = Timestamps.Now(clock);
        await audit.CommitAsync(db, actor, new AuditEvent("alert.marked-evidence", "alert", id.ToString(), new { alert.EvidenceReason }), ct);
        return AlertSummary.From(alert, subject);
    }

    private async Task<(Alert Alert, Subject Subject)> LoadAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var alerts = tracking ? db.Alerts : db.Alerts.AsNoTracking();
        var alert = await alerts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound("Alert", id);
        var subject = await db.Subjects.AsNoTracking().FirstAsync(s => s.Id == alert.SubjectId, ct);
        return (alert, subject);
    }
}

public enum AlertImageKind
{
    Probe,
    Thumbnail,
}
