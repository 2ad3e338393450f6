using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Policy;
using OpenLfr.Core.Recognition;
using OpenLfr.Core.Watchlists;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Deployments;

/// <summary>
/// The deployment lifecycle. Each transition checks who may make it and when, and is saved with its
/// audit entry: Draft -> Authorised (an authorising officer who is not the creator; the record names its DPIA and
/// appropriate policy document and confirms the system is standalone) -> Active (inside the
/// window, signage confirmed) -> Ended (by hand or automatically at the window's end) -> Reviewed.
/// </summary>
public sealed class DeploymentService(LfrDbContext db, AuditLog audit, IOptions<PolicyOptions> policy, ThresholdPolicy thresholds, TimeProvider clock)
{
    private PolicyOptions Policy => policy.Value;

    public async Task<DeploymentView> CreateAsync(Actor actor, DeploymentRequest request, CancellationToken ct = default)
    {
        var templates = await ValidateAsync(request, null, ct);
        if (await db.Deployments.AnyAsync(d => d.WatchlistId == request.WatchlistId, ct))
            throw DomainException.Conflict("That watchlist already belongs to a deployment: each deployment has its own bespoke watchlist.");
        var deployment = new Deployment
        {
            Id = Guid.NewGuid(),
            Status = DeploymentStatus.Draft,
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
            CreatedAtUtc = Timestamps.Now(clock),
        };
        Apply(deployment, request, templates);
        db.Deployments.Add(deployment);
        await audit.CommitAsync(db, actor, new AuditEvent("deployment.created", "deployment", deployment.Id.ToString(), Summary(deployment)), ct);
        return DeploymentView.From(deployment);
    }

    public async Task<DeploymentView> UpdateAsync(Actor actor, Guid id, DeploymentRequest request, CancellationToken ct = default)
    {
        var deployment = await LoadAsync(id, ct);
        if (deployment.Status != DeploymentStatus.Draft)
            throw DomainException.Conflict($"The deployment is {deployment.Status}; only a draft can be changed.");
        var templates = await ValidateAsync(request, id, ct);
        if (request.WatchlistId != deployment.WatchlistId && await db.Deployments.AnyAsync(d => d.WatchlistId == request.WatchlistId, ct))
            throw DomainException.Conflict("That watchlist already belongs to a deployment.");
        Apply(deployment, request, templates);
        await audit.CommitAsync(db, actor, new AuditEvent("deployment.updated", "deployment", id.ToString(), Summary(deployment)), ct);
        return DeploymentView.From(deployment);
    }

    public async Task<IReadOnlyList<DeploymentView>> ListAsync(CancellationToken ct = default) =>
        (await db.Deployments.AsNoTracking().Include(d => d.Cameras).OrderByDescending(d => d.StartsAtUtc).ToListAsync(ct)).Select(DeploymentView.From).ToList();

    public async Task<DeploymentView> GetAsync(Guid id, CancellationToken ct = default) =>
        DeploymentView.From(await db.Deployments.AsNoTracking().Include(d => d.Cameras).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("Deployment", id));

    public async Task<DeploymentView> AuthoriseAsync(Actor actor, Guid id, AuthoriseRequest request, CancellationToken ct = default)
    {
        var deployment = await LoadAsync(id, ct);
        if (actor.UserId is not null && actor.UserId == deployment.CreatedById)
            throw DomainException.Forbidden("The officer who created a deployment cannot authorise it; another authorising officer must.");
        if (deployment.Status != DeploymentStatus.Draft)
            throw DomainException.Conflict($"The deployment is {deployment.Status}; only a draft can be authorised.");
        var errors = new ValidationErrors();
        errors.Require("rank", request.Rank, 100);
        errors.ThrowIfAny();
        EnsureRecordComplete(deployment);
        var now = Timestamps.Now(clock);
        if (deployment.EndsAtUtc <= now)
            throw DomainException.Conflict("The deployment's window has already ended; change the window before authorising.");
        if (await TemplatesAsync(deployment.WatchlistId, ct) == 0)
            throw DomainException.Conflict("The watchlist has no enrolled image; enrol the subjects before authorising.");
        await EnsureNoOverlapAsync(deployment.Cameras.Select(c => c.CameraId).ToList(), deployment.StartsAtUtc, deployment.EndsAtUtc, deployment.Id, ct);
        deployment.Status = DeploymentStatus.Authorised;
        deployment.AuthorisedById = actor.UserId;
        deployment.AuthorisedByName = actor.Name;
        deployment.AuthoriserRank = request.Rank!.Trim();
        deployment.AuthorisedAtUtc = now;
        deployment.AuthorisationNotes = request.Notes?.Trim();
        await audit.CommitAsync(db, actor, new AuditEvent("deployment.authorised", "deployment", id.ToString(), new
        {
            rank = deployment.AuthoriserRank, request.Notes, deployment.DpiaReference, deployment.AppropriatePolicyDocumentReference, deployment.StandaloneConfirmed,
        }), ct);
        return DeploymentView.From(deployment);
    }

    public async Task<DeploymentView> ActivateAsync(Actor actor, Guid id, ActivateRequest request, CancellationToken ct = default)
    {
        var deployment = await LoadAsync(id, ct);
        if (deployment.Status != DeploymentStatus.Authorised)
            throw DomainException.Conflict($"The deployment is {deployment.Status}; only an authorised deployment can be activated.");
        if (!request.SignageConfirmed)
            throw DomainException.Validation("signageConfirmed", "Confirm that signs are up and leaflets are available at the place before activating.");
        var now = Timestamps.Now(clock);
        if (now < deployment.StartsAtUtc || now >= deployment.EndsAtUtc)
            throw DomainException.Conflict($"It is outside the authorised window ({deployment.StartsAtUtc:u} to {deployment.EndsAtUtc:u}); cameras may process only inside it.");
        deployment.Status = DeploymentStatus.Active;
        deployment.SignageConfirmed = true;
        deployment.ActivatedAtUtc = now;
        deployment.ActivatedByName = actor.Name;
        await audit.CommitAsync(db, actor, new AuditEvent("deployment.activated", "deployment", id.ToString(), new { signageConfirmed = true }), ct);
        return DeploymentView.From(deployment);
    }

    public async Task<DeploymentView> EndAsync(Actor actor, Guid id, EndRequest request, CancellationToken ct = default)
    {
        var deployment = await LoadAsync(id, ct);
        if (deployment.Status is not (DeploymentStatus.Active or DeploymentStatus.Authorised))
            throw DomainException.Conflict($"The deployment is {deployment.Status}; only an authorised or active deployment can be ended.");
        End(deployment, string.IsNullOrWhiteSpace(request.Reason) ? "ended by " + actor.Name : request.Reason.Trim());
        await audit.CommitAsync(db, actor, new AuditEvent("deployment.ended", "deployment", id.ToString(), new { deployment.EndReason }), ct);
        return DeploymentView.From(deployment);
    }

    /// <summary>Ends every authorised or active deployment whose window has passed. Returns how many.</summary>
    public async Task<int> EndExpiredAsync(CancellationToken ct = default)
    {
        var now = Timestamps.Now(clock);
        var due = await db.Deployments.Include(d => d.Cameras)
            .Where(d => (d.Status == DeploymentStatus.Active || d.Status == DeploymentStatus.Authorised) && d.EndsAtUtc <= now)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        foreach (var d in due) End(d, "the authorised window ended");
        await audit.CommitAsync(db, Actor.System("lifecycle"),
            due.Select(d => new AuditEvent("deployment.ended", "deployment", d.Id.ToString(), new { d.EndReason, automatic = true })).ToList(), ct);
        return due.Count;
    }

    /// <summary>The post-deployment review: the figures are computed from the alerts and frozen with the conclusions.</summary>
    public async Task<DeploymentView> ReviewAsync(Actor actor, Guid id, ReviewRequest request, CancellationToken ct = default)
    {
        var deployment = await LoadAsync(id, ct);
        if (deployment.Status != DeploymentStatus.Ended)
            throw DomainException.Conflict($"The deployment is {deployment.Status}; only an ended deployment can be reviewed.");
        var errors = new ValidationErrors();
        errors.Require("conclusions", request.Conclusions, 8000);
        errors.ThrowIfAny();
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.DeploymentId == id).Select(a => new { a.Decision, a.Outcome, a.Arrested, a.Urgency }).ToListAsync(ct);
        deployment.WatchlistSize = await db.Subjects.CountAsync(s => s.WatchlistId == deployment.WatchlistId, ct);
        deployment.TrueAlerts = alerts.Count(a => a.Outcome == AlertOutcome.ConfirmedSubject);
        deployment.FalseAlerts = alerts.Count(a => a.Decision == AlertDecision.NoMatch || a.Outcome == AlertOutcome.NotTheSubject);
        deployment.Engagements = alerts.Count(a => a.Decision == AlertDecision.Engage);
        deployment.Arrests = alerts.Count(a => a.Arrested == true);
        deployment.ImmediateAlerts = alerts.Count(a => a.Urgency == SubjectUrgency.Immediate);
        deployment.ArrestAlerts = alerts.Count(a => a.Urgency == SubjectUrgency.Arrest);
        deployment.IntelligenceOnlyAlerts = alerts.Count(a => a.Urgency == SubjectUrgency.IntelligenceOnly);
        deployment.Status = DeploymentStatus.Reviewed;
        deployment.ReviewedById = actor.UserId;
        deployment.ReviewedByName = actor.Name;
        deployment.ReviewedAtUtc = Timestamps.Now(clock);
        deployment.ReviewConclusions = request.Conclusions!.Trim();
        await audit.CommitAsync(db, actor, new AuditEvent("deployment.reviewed", "deployment", id.ToString(), new
        {
            deployment.WatchlistSize, deployment.FacesSeen, facesSeenByCamera = deployment.Cameras.ToDictionary(c => c.CameraId.ToString(), c => c.FacesSeen), deployment.AlertsRaised, deployment.TrueAlerts, deployment.FalseAlerts, deployment.Engagements, deployment.Arrests,
            deployment.ImmediateAlerts, deployment.ArrestAlerts, deployment.IntelligenceOnlyAlerts,
        }), ct);
        return DeploymentView.From(deployment);
    }

    /// <summary>
    /// The ICO expects a DPIA and an appropriate policy document for every use, and the system must be standalone: a draft
    /// may be saved without them, but it is not authorised until its record names both documents and confirms it.
    /// </summary>
    private static void EnsureRecordComplete(Deployment d)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(d.DpiaReference))
            missing["dpiaReference"] = ["The record has no DPIA reference: name the data protection impact assessment covering this deployment."];
        if (string.IsNullOrWhiteSpace(d.AppropriatePolicyDocumentReference))
            missing["appropriatePolicyDocumentReference"] = ["The record has no appropriate policy document reference: name the policy document for the biometric processing."];
        if (!d.StandaloneConfirmed)
            missing["standaloneConfirmed"] = ["The record does not confirm the system is standalone (not linked to CCTV, body-worn video or ANPR)."];
        if (missing.Count > 0)
            throw new DomainException(DomainErrorKind.Conflict, "The deployment record is incomplete.",
                "A deployment is authorised only with its DPIA and appropriate policy document references and the standalone confirmation; edit the draft to add "
                + string.Join(", ", missing.Keys) + ", then authorise.", missing);
    }

    private void End(Deployment d, string reason)
    {
        d.Status = DeploymentStatus.Ended;
        d.EndedAtUtc = Timestamps.Now(clock);
        d.EndReason = reason;
    }

    private async Task<Deployment> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Deployments.Include(d => d.Cameras).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("Deployment", id);

    /// <summary>
    /// The threshold the deployment's cameras apply with its watchlist as it is now, in words: its own threshold, or the
    /// policy minimum for the watchlist's size if that is higher, with the false alert rate expected at that size.
    /// </summary>
    public async Task<string> ThresholdNowAsync(DeploymentView d, CancellationToken ct = default)
    {
        var size = await TemplatesAsync(d.WatchlistId, ct);
        if (EmbedderSpec.All.FirstOrDefault(s => s.Id == d.Embedder) is not { } spec)
            return $"watchlist of {size} templates; embedder not recorded, so its false alert rate is unknown";
        try
        {
            var applied = thresholds.AppliedThreshold(d.Embedder, d.Threshold, size);
            return (applied > d.Threshold ? $"raised to the policy minimum for the watchlist's size: " : "applied as set: ")
                   + ThresholdMeaning.Describe(spec, applied, size);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return $"no alerts: the watchlist has {size} templates, and {e.Message}";
        }
    }

    /// <summary>Enrolled templates on a watchlist now: the size its policy minimum threshold depends on.</summary>
    private Task<int> TemplatesAsync(Guid watchlistId, CancellationToken ct) =>
        db.SubjectImages.CountAsync(i => i.Subject!.WatchlistId == watchlistId && i.EncryptedTemplate != null, ct);

    /// <returns>The watchlist's size (enrolled templates), which the threshold was checked for.</returns>
    private async Task<int> ValidateAsync(DeploymentRequest r, Guid? self, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Require("name", r.Name, 200);
        errors.Require("place", r.Place, 1000);
        errors.Require("placeJustification", r.PlaceJustification, 8000);
        errors.Require("purpose", r.Purpose, 8000);
        errors.Require("necessity", r.Necessity, 8000);
        errors.Require("proportionality", r.Proportionality, 8000);
        // Optional on a draft (authorisation requires them), but bounded.
        if (r.DpiaReference?.Length > 200) errors.Add("dpiaReference", "dpiaReference is longer than 200 characters.");
        if (r.AppropriatePolicyDocumentReference?.Length > 200)
            errors.Add("appropriatePolicyDocumentReference", "appropriatePolicyDocumentReference is longer than 200 characters.");
        if (r.WatchlistId is null) errors.Add("watchlistId", "watchlistId is required.");
        if (r.CameraIds is null || r.CameraIds.Count == 0) errors.Add("cameraIds", "At least one camera is required.");
        else if (r.CameraIds.Distinct().Count() != r.CameraIds.Count) errors.Add("cameraIds", "A camera is listed twice.");
        if (r.StartsAtUtc is null) errors.Add("startsAtUtc", "startsAtUtc is required.");
        if (r.EndsAtUtc is null) errors.Add("endsAtUtc", "endsAtUtc is required.");
        if (r.StartsAtUtc is { } start && r.EndsAtUtc is { } end)
        {
            if (end <= start) errors.Add("endsAtUtc", "endsAtUtc must be after startsAtUtc.");
            else if (end - start > Policy.MaxDeploymentDuration)
                errors.Add("endsAtUtc", $"The window is {end - start}; the policy maximum is {Policy.MaxDeploymentDuration}.");
            if (Timestamps.Truncate(end) <= Timestamps.Now(clock)) errors.Add("endsAtUtc", "The window has already ended.");
        }
        // No threshold: the default is applied (Apply). A lower one than the policy allows for the watchlist's size is refused
        // in both numbers' words. (Camera workers raise the threshold again if the watchlist grows later: ThresholdPolicy.)
        var size = r.WatchlistId is { } listId ? await TemplatesAsync(listId, ct) : 0;
        double min, byDefault;
        try { (min, byDefault) = (thresholds.MinimumFor(size), thresholds.DefaultFor(size)); }
        catch (ArgumentOutOfRangeException e)
        {
            errors.Add("watchlistId", $"The watchlist has {size} templates: {e.Message}");
            (min, byDefault) = (double.PositiveInfinity, double.PositiveInfinity);
        }
        if (r.Threshold is { } t && (double.IsNaN(t) || t > 1))
            errors.Add("threshold", $"threshold must be a similarity of at most 1 (got {t}); leave it out for the default {ThresholdMeaning.Number(byDefault)}.");
        else if (r.Threshold is { } low && low < min)
        {
            var spec = thresholds.Embedder;
            errors.Add("threshold", $"threshold {ThresholdMeaning.Number(low)} is below the policy minimum {ThresholdMeaning.Number(min)} for embedder {spec.Id} and a watchlist of {size} templates. " +
                $"At {ThresholdMeaning.Number(low)}: {ThresholdMeaning.RateAt(spec, low, size)}; at {ThresholdMeaning.Number(min)}: {ThresholdMeaning.RateAt(spec, min, size)}, " +
                $"the most the policy allows (Policy:MaximumFalseAlertRate {thresholds.MaximumFalseAlertRate}; measured on {spec.Calibration.Source}). " +
                $"Use {ThresholdMeaning.Number(min)} to 1, or leave it out for the default {ThresholdMeaning.Number(byDefault)}.");
        }
        errors.ThrowIfAny();

        if (!await db.Watchlists.AnyAsync(w => w.Id == r.WatchlistId && w.BiometricsDestroyedAtUtc == null, ct))
            throw DomainException.Validation("watchlistId", $"No usable watchlist with id {r.WatchlistId}.");
        var known = await db.Cameras.Where(c => r.CameraIds!.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var unknown = r.CameraIds!.Except(known).ToList();
        if (unknown.Count > 0) throw DomainException.Validation("cameraIds", $"Unknown camera(s): {string.Join(", ", unknown)}.");
        await EnsureNoOverlapAsync(r.CameraIds!, Timestamps.Truncate(r.StartsAtUtc!.Value), Timestamps.Truncate(r.EndsAtUtc!.Value), self, ct);
        return size;
    }

    /// <summary>A camera serves one authorised or active deployment at a time.</summary>
    private async Task EnsureNoOverlapAsync(IReadOnlyList<Guid> cameraIds, DateTime start, DateTime end, Guid? self, CancellationToken ct)
    {
        var clash = await db.Deployments.AsNoTracking()
            .Where(d => d.Id != self && (d.Status == DeploymentStatus.Authorised || d.Status == DeploymentStatus.Active)
                        && d.StartsAtUtc < end && start < d.EndsAtUtc && d.Cameras.Any(c => cameraIds.Contains(c.CameraId)))
            .Select(d => new { d.Id, d.Name, d.StartsAtUtc, d.EndsAtUtc }).FirstOrDefaultAsync(ct);
        if (clash is not null)
            throw DomainException.Validation("cameraIds", $"The window overlaps deployment '{clash.Name}' ({clash.Id}, {clash.StartsAtUtc:u} to {clash.EndsAtUtc:u}) on the same camera(s).");
    }

    private void Apply(Deployment d, DeploymentRequest r, int watchlistTemplates)
    {
        d.Name = r.Name!.Trim();
        d.Place = r.Place!.Trim();
        d.PlaceJustification = r.PlaceJustification!.Trim();
        d.Purpose = r.Purpose!.Trim();
        d.Necessity = r.Necessity!.Trim();
        d.Proportionality = r.Proportionality!.Trim();
        d.DpiaReference = string.IsNullOrWhiteSpace(r.DpiaReference) ? null : r.DpiaReference.Trim();
        d.AppropriatePolicyDocumentReference = string.IsNullOrWhiteSpace(r.AppropriatePolicyDocumentReference) ? null : r.AppropriatePolicyDocumentReference.Trim();
        d.StandaloneConfirmed = r.StandaloneConfirmed;
        d.WatchlistId = r.WatchlistId!.Value;
        d.StartsAtUtc = Timestamps.Truncate(r.StartsAtUtc!.Value);
        d.EndsAtUtc = Timestamps.Truncate(r.EndsAtUtc!.Value);
        d.Threshold = r.Threshold ?? thresholds.DefaultFor(watchlistTemplates);
        d.Embedder = thresholds.Embedder.Id;
        // Keep existing rows for cameras that stay, so the change tracker sees removals and additions only.
        d.Cameras.RemoveAll(c => !r.CameraIds!.Contains(c.CameraId));
        foreach (var camera in r.CameraIds!.Where(c => d.Cameras.All(x => x.CameraId != c)))
            d.Cameras.Add(new DeploymentCamera { DeploymentId = d.Id, CameraId = camera });
    }

    private static object Summary(Deployment d) => new
    {
        d.Name, d.Place, d.WatchlistId, cameras = d.Cameras.Select(c => c.CameraId).ToList(), d.StartsAtUtc, d.EndsAtUtc, d.Threshold, d.Embedder,
        d.DpiaReference, d.AppropriatePolicyDocumentReference, d.StandaloneConfirmed,
    };
}
