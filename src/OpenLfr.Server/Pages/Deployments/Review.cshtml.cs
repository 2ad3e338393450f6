using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Deployments;

/// <summary>The "after" part of the record: figures from the data, then the reviewer's conclusions (which freeze them).</summary>
[Authorize(Policy = ConsolePolicies.SignedIn)]
public sealed class ReviewDeploymentModel(DeploymentService deployments, TransparencyQueries figures) : ConsolePageModel
{
    public DeploymentView? Deployment { get; private set; }
    public DeploymentFigures? Figures { get; private set; }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, string? conclusions, CancellationToken ct)
    {
        if (!User.Allows(ConsolePolicies.Review)) return Forbid();
        if (await TryAsync(() => deployments.ReviewAsync(Actor, id, new ReviewRequest(conclusions), ct)))
        {
            TempData["Message"] = "Review completed; the figures are frozen and published on the transparency page.";
            return Redirect($"/deployments/{id}/review");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Deployment = await deployments.GetAsync(id, ct);
        Figures = await figures.FiguresAsync(id, ct);
    }
}
