using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Enrolment;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Policy;
using OpenLfr.Core.Security;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Watchlists;

/// <summary>
/// Watchlists, subjects and enrolment. Every rule is checked before anything is written; each change is
/// saved together with its audit entry. A watchlist is frozen once its deployment is authorised.
/// </summary>
public sealed class WatchlistService(
    LfrDbContext db, AuditLog audit, BiometricProtector protector, IFaceEnrolmentAnalyzer analyzer,
    IOptions<PolicyOptions> policy, ThresholdPolicy thresholds, TimeProvider clock)
{
    private PolicyOptions Policy => policy.Value;

    public async Task<WatchlistView> CreateAsync(Actor actor, CreateWatchlistRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        errors.Require("name", request.Name, 200);
        errors.Require("intelligenceCase", request.IntelligenceCase);
        errors.ThrowIfAny();
        var watchlist = new Watchlist
        {
            Id = Guid.NewGuid(),
            Name = request.Name!.Trim(),
            IntelligenceCase = request.IntelligenceCase!.Trim(),
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
            CreatedAtUtc = Timestamps.Now(clock),
        };
        db.Watchlists.Add(watchlist);
        await audit.CommitAsync(db, actor, new AuditEvent("watchlist.created", "watchlist", watchlist.Id.ToString(), new { watchlist.Name }), ct);
        return ToView(watchlist);
    }

    public async Task<IReadOnlyList<WatchlistSummary>> ListAsync(CancellationToken ct = default) =>
        await db.Watchlists.AsNoTracking().OrderByDescending(w => w.CreatedAtUtc)
            .Select(w => new WatchlistSummary(w.Id, w.Name, w.IntelligenceCase, w.Subjects.Count, w.CreatedAtUtc, w.CreatedByName, w.BiometricsDestroyedAtUtc))
            .ToListAsync(ct);

    public async Task<WatchlistView> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var watchlist = await db.Watchlists.AsNoTracking().Include(w => w.Subjects).ThenInclude(s => s.Images)
            .FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw DomainException.NotFound("Watchlist", id);
        await audit.CommitAsync(db, actor, new AuditEvent("watchlist.viewed", "watchlist", id.ToString(), new { subjects = watchlist.Subjects.Count }), ct);
        return ToView(watchlist);
    }

    public async Task<SubjectView> AddSubjectAsync(Actor actor, Guid watchlistId, AddSubjectRequest request, CancellationToken ct = default)
    {
        var watchlist = await EditableWatchlistAsync(watchlistId, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ValidationErrors();
        errors.Require("reference", request.Reference, 100);
        errors.Require("displayName", request.DisplayName, 200);
        if (request.Category is null) errors.Add("category", $"category is required: one of {string.Join(", ", Enum.GetNames<SubjectCategory>())}.");
        else if (!Enum.IsDefined(request.Category.Value)) errors.Add("category", $"category must be one of {string.Join(", ", Enum.GetNames<SubjectCategory>())}.");
        if (request.Urgency is null)
            errors.Add("urgency", $"urgency is required: one of {SubjectUrgencies.Names} (red: act at once; amber: arrest; green: record the sighting for intelligence only).");
        else if (!Enum.IsDefined(request.Urgency.Value)) errors.Add("urgency", $"urgency must be one of {SubjectUrgencies.Names}.");
        if (request.Category == SubjectCategory.AssociateWitnessOrVictim && string.IsNullOrWhiteSpace(request.Justification))
            errors.Add("justification", "An associate, witness or victim may be included only with a recorded justification.");
        if (request.DateOfBirth is null) errors.Add("dateOfBirth", "dateOfBirth is required (the policy refuses under-18s without an override).");
        else if (request.DateOfBirth > today) errors.Add("dateOfBirth", "dateOfBirth is in the future.");
        else if (AgeOn(request.DateOfBirth.Value, today) < Policy.MinimumAgeYears && string.IsNullOrWhiteSpace(request.UnderAgeOverrideReason))
            errors.Add("underAgeOverrideReason", $"The person is under {Policy.MinimumAgeYears}: accuracy is lower for children, so they are refused unless underAgeOverrideReason records why they must be included.");
        if (request.ReviewDate is null) errors.Add("reviewDate", "reviewDate is required.");
        else if (request.ReviewDate < today) errors.Add("reviewDate", "reviewDate is in the past.");
        errors.ThrowIfAny();

        var reference = request.Reference!.Trim();
        if (await db.Subjects.AnyAsync(s => s.WatchlistId == watchlistId && s.Reference == reference, ct))
            throw DomainException.Conflict($"The watchlist already has a subject with reference '{reference}'.");
        var count = await db.Subjects.CountAsync(s => s.WatchlistId == watchlistId, ct);
        if (count >= Policy.MaxWatchlistSize)
            throw DomainException.Conflict($"The watchlist is at the policy maximum of {Policy.MaxWatchlistSize} subjects; a watchlist must not be excessive.");

        var subject = new Subject
        {
            Id = Guid.NewGuid(),
            WatchlistId = watchlist.Id,
            Reference = reference,
            DisplayName = request.DisplayName!.Trim(),
            Category = request.Category!.Value,
            Urgency = request.Urgency!.Value,
            Justification = request.Justification?.Trim(),
            DateOfBirth = request.DateOfBirth!.Value,
            UnderAgeOverrideReason = string.IsNullOrWhiteSpace(request.UnderAgeOverrideReason) ? null : request.UnderAgeOverrideReason.Trim(),
            ReviewDate = request.ReviewDate!.Value,
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
            CreatedAtUtc = Timestamps.Now(clock),
        };
        db.Subjects.Add(subject);
        await audit.CommitAsync(db, actor, new AuditEvent("watchlist.subject-added", "subject", subject.Id.ToString(),
            new { watchlistId, subject.Reference, subject.Category, subject.Urgency, underAgeOverride = subject.UnderAgeOverrideReason is not null }), ct);
        return SubjectView.From(subject);
    }

    /// <summary>
    /// Runs each image through the face pipeline; accepted ones are stored encrypted with their template,
    /// rejected ones are not stored at all. Input that is not an image, or too large, fails the whole
    /// request before anything is analysed or written.
    /// </summary>
    public async Task<EnrolmentReport> EnrolAsync(Actor actor, Guid watchlistId, Guid subjectId, ImageProvenance provenance, IReadOnlyList<UploadedImage> images, CancellationToken ct = default)
    {
        await EditableWatchlistAsync(watchlistId, ct);
        var subject = await db.Subjects.FirstOrDefaultAsync(s => s.Id == subjectId && s.WatchlistId == watchlistId, ct)
            ?? throw DomainException.NotFound("Subject", subjectId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ValidationErrors();
        errors.Require("legalBasis", provenance.LegalBasis, 1000);
        errors.Require("source", provenance.Source, 1000);
        if (provenance.DateTaken is null) errors.Add("dateTaken", "dateTaken is required (the most recent suitable image must be used).");
        else if (provenance.DateTaken > today) errors.Add("dateTaken", "dateTaken is in the future.");
        if (images.Count == 0) errors.Add("files", "No image files were uploaded.");
        var tooLarge = images.FirstOrDefault(i => i.Data.Length > Policy.MaxImageBytes);
        if (tooLarge is not null)
            throw new DomainException(DomainErrorKind.PayloadTooLarge, "Image too large.", $"{tooLarge.FileName} is {tooLarge.Data.Length} bytes; the limit is {Policy.MaxImageBytes} bytes per image.");
        var formats = new string?[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            if ((formats[i] = ImageFormat.Sniff(images[i].Data.Span)) is null)
                errors.Add("files", $"{images[i].FileName} is not a JPEG or PNG image.");
        }
        errors.ThrowIfAny();

        // Analyse everything first: an unreadable file refuses the whole upload before anything is written.
        var results = new FaceEnrolmentResult[images.Count];
        for (var i = 0; i < images.Count; i++) results[i] = await analyzer.AnalyzeAsync(images[i].Data, ct);
        for (var i = 0; i < images.Count; i++)
            if (results[i].InvalidImage) errors.Add("files", $"{images[i].FileName} cannot be read as an image: {string.Join(" ", results[i].Reasons)}");
        errors.ThrowIfAny();

        var now = Timestamps.Now(clock);
        var verdicts = new List<ImageVerdict>();
        var accepted = new List<(SubjectImage Image, FaceTemplate Template)>();
        for (var i = 0; i < images.Count; i++)
        {
            var result = results[i];
            if (!result.Accepted)
            {
                verdicts.Add(new ImageVerdict(images[i].FileName, false, null, result.Quality, result.Reasons));
                continue;
            }
            var template = result.Template!;
            var image = new SubjectImage
            {
                Id = Guid.NewGuid(),
                SubjectId = subject.Id,
                LegalBasis = provenance.LegalBasis!.Trim(),
                Source = provenance.Source!.Trim(),
                DateTaken = provenance.DateTaken!.Value,
                ContentType = formats[i]!,
                Quality = result.Quality ?? 0,
                EmbedderId = template.EmbedderId,
                EmbedderVersion = template.EmbedderVersion,
                EnrolledById = actor.UserId,
                EnrolledByName = actor.Name,
                EnrolledAtUtc = now,
            };
            image.EncryptedImage = protector.Protect(images[i].Data.Span, SubjectImage.ImageAad(image.Id));
            image.EncryptedTemplate = protector.ProtectVector(template.Vector, SubjectImage.TemplateAad(image.Id));
            db.SubjectImages.Add(image);
            accepted.Add((image, template));
            verdicts.Add(new ImageVerdict(images[i].FileName, true, image.Id, result.Quality, []));
        }

        var duplicate = accepted.Count == 0 ? null : await FindDuplicateAsync(subject, accepted.Select(a => a.Template).ToList(), ct);
        if (duplicate is not null && (subject.PossibleDuplicateScore is null || duplicate.Score > subject.PossibleDuplicateScore))
        {
            subject.PossibleDuplicateOfId = duplicate.SubjectId;
            subject.PossibleDuplicateScore = duplicate.Score;
        }
        await audit.CommitAsync(db, actor, new AuditEvent("watchlist.images-enrolled", "subject", subject.Id.ToString(), new
        {
            watchlistId,
            accepted = accepted.Select(a => a.Image.Id).ToList(),
            rejected = verdicts.Count(v => !v.Accepted),
            possibleDuplicateOf = duplicate?.SubjectId,
        }), ct);
        return new EnrolmentReport(subject.Id, verdicts, duplicate);
    }

    /// <summary>Returns a watchlist image (decrypted) and records the view in the audit log.</summary>
    public async Task<ImageContent> GetImageAsync(Actor actor, Guid imageId, CancellationToken ct = default)
    {
        var image = await db.SubjectImages.AsNoTracking().FirstOrDefaultAsync(i => i.Id == imageId, ct)
            ?? throw DomainException.NotFound("Image", imageId);
        if (image.EncryptedImage is null)
            throw new DomainException(DomainErrorKind.NotFound, "Image destroyed.", $"Image {imageId} was destroyed by the retention rule at {image.DestroyedAtUtc:u}.");
        var data = protector.Unprotect(image.EncryptedImage, SubjectImage.ImageAad(image.Id));
        await audit.CommitAsync(db, actor, new AuditEvent("watchlist-image.viewed", "subject-image", imageId.ToString(), new { image.SubjectId }), ct);
        return new ImageContent(data, image.ContentType);
    }

    internal static int AgeOn(DateOnly birth, DateOnly day)
    {
        // Compare month and day, so someone born on 29 February comes of age on 1 March in common years.
        var age = day.Year - birth.Year;
        if (day.Month < birth.Month || (day.Month == birth.Month && day.Day < birth.Day)) age--;
        return age;
    }

    private async Task<PossibleDuplicate?> FindDuplicateAsync(Subject subject, IReadOnlyList<FaceTemplate> templates, CancellationToken ct)
    {
        var others = await db.SubjectImages.AsNoTracking()
            .Where(i => i.Subject!.WatchlistId == subject.WatchlistId && i.SubjectId != subject.Id && i.EncryptedTemplate != null)
            .Select(i => new { i.Id, i.SubjectId, i.Subject!.Reference, i.EmbedderId, i.EmbedderVersion, i.EncryptedTemplate })
            .ToListAsync(ct);
        PossibleDuplicate? best = null;
        foreach (var other in others)
        {
            var vector = protector.UnprotectVector(other.EncryptedTemplate!, SubjectImage.TemplateAad(other.Id));
            var stored = new FaceTemplate(other.EmbedderId, other.EmbedderVersion, vector);
            Array.Clear(vector);
            foreach (var t in templates.Where(t => t.Space == stored.Space && t.Dimension == stored.Dimension))
            {
                double score = t.Similarity(stored);
                if (score >= thresholds.DuplicateSimilarity && (best is null || score > best.Score))
                    best = new PossibleDuplicate(other.SubjectId, other.Reference, Math.Round(score, 4));
            }
        }
        return best;
    }

    /// <summary>The watchlist, if it may still change: not destroyed, and its deployment (if any) still a draft.</summary>
    private async Task<Watchlist> EditableWatchlistAsync(Guid watchlistId, CancellationToken ct)
    {
        var watchlist = await db.Watchlists.FirstOrDefaultAsync(w => w.Id == watchlistId, ct) ?? throw DomainException.NotFound("Watchlist", watchlistId);
        if (watchlist.BiometricsDestroyedAtUtc is not null)
            throw DomainException.Conflict("The watchlist's biometrics were destroyed after its deployment; it cannot change.");
        var status = await db.Deployments.Where(d => d.WatchlistId == watchlistId).Select(d => (DeploymentStatus?)d.Status).FirstOrDefaultAsync(ct);
        if (status is not null and not DeploymentStatus.Draft)
            throw DomainException.Conflict($"The watchlist's deployment is {status}; a watchlist is frozen once authorised (create a new deployment to change it).");
        return watchlist;
    }

    private static WatchlistView ToView(Watchlist w) => new(w.Id, w.Name, w.IntelligenceCase, w.CreatedAtUtc, w.CreatedByName, w.BiometricsDestroyedAtUtc,
        w.Subjects.OrderBy(s => s.Reference).Select(SubjectView.From).ToList());
}
