using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Policy;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Deployments;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Deployments;

/// <summary>Changes the governance record while it is a draft; once authorised it is fixed (the Core refuses changes).</summary>
[Authorize(Policy = ConsolePolicies.PlanDeployments)]
public sealed class EditDeploymentModel(DeploymentService deployments, CameraService cameras, ConsoleQueries queries, IOptions<PolicyOptions> policy,
    ThresholdPolicy thresholds)
    : DeploymentFormModel(cameras, queries, policy, thresholds)
{
    public override string SubmitLabel => "Save changes";

    public DeploymentStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var d = await deployments.GetAsync(id, ct);
        Status = d.Status;
        if (d.Status != DeploymentStatus.Draft)
        {
            TempData["Error"] = $"The deployment is {d.Status}: only a draft can be changed.";
            return Redirect($"/deployments/{id}");
        }
        Fill(d);
        await LoadChoicesAsync(ct, d.WatchlistId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await TryAsync(() => deployments.UpdateAsync(Actor, id, ToRequest(), ct)))
        {
            TempData["Message"] = "Draft updated. It still needs an authorising officer other than you.";
            return Redirect($"/deployments/{id}");
        }
        var d = await deployments.GetAsync(id, ct);
        Status = d.Status;
        await LoadChoicesAsync(ct, d.WatchlistId);
        return Page();
    }
}
