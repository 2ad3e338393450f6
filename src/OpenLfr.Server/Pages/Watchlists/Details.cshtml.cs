using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Queries;
using OpenLfr.Server.OperatorConsole.Watchlists;

namespace OpenLfr.Server.Pages.Watchlists;

/// <summary>Subjects, their enrolment verdicts and duplicate warnings; bulk enrolment matches files to subjects by name.</summary>
[Authorize(Policy = ConsolePolicies.ViewWatchlists)]
public sealed class WatchlistDetailsModel(WatchlistService watchlists, ConsoleQueries queries, BulkEnrolment bulk, TimeProvider clock) : ConsolePageModel
{
    public WatchlistView? Watchlist { get; private set; }
    public (Guid Id, string Name, DeploymentStatus Status)? Deployment { get; private set; }
    /// <summary>The watchlist can still change (the page shows the forms only to watchlist managers).</summary>
    public bool Editable => Watchlist?.BiometricsDestroyedAtUtc is null && Deployment is null or { Status: DeploymentStatus.Draft };
    public bool CanEdit => Editable && User.Allows(ConsolePolicies.ManageWatchlists);
    public string DefaultReviewDate => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(1).ToString("yyyy-MM-dd");

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAddSubjectAsync(Guid id, string? reference, string? displayName, SubjectCategory? category, SubjectUrgency? urgency, string? justification,
        DateOnly? dateOfBirth, string? underAgeOverrideReason, DateOnly? reviewDate, CancellationToken ct)
    {
        if (!User.Allows(ConsolePolicies.ManageWatchlists)) return Forbid();
        var request = new AddSubjectRequest(reference, displayName, category, urgency, justification, dateOfBirth, underAgeOverrideReason, reviewDate);
        if (await TryAsync(() => watchlists.AddSubjectAsync(Actor, id, request, ct)))
        {
            TempData["Message"] = $"Subject {reference} added.";
            return Redirect($"/watchlists/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Called by the drop zone's script: returns each file's verdict as JSON.</summary>
    public async Task<IActionResult> OnPostEnrolAsync(Guid id, string? legalBasis, string? source, DateOnly? dateTaken, List<IFormFile> files, CancellationToken ct)
    {
        if (!User.Allows(ConsolePolicies.ManageWatchlists)) return Forbid();
        BulkEnrolmentResult? result = null;
        if (!await TryAsync(async () => result = await bulk.EnrolAsync(Actor, id, new ImageProvenance(legalBasis, source, dateTaken), files, ct)))
            return new JsonResult(new { errors = Errors }) { StatusCode = 400 };
        return new JsonResult(result);
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Watchlist = await watchlists.GetAsync(Actor, id, ct);
        Deployment = await queries.DeploymentOfWatchlistAsync(id, ct);
    }
}
