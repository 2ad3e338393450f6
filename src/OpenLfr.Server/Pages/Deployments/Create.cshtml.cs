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

[Authorize(Policy = ConsolePolicies.PlanDeployments)]
public sealed class CreateDeploymentModel(DeploymentService deployments, CameraService cameras, ConsoleQueries queries, IOptions<PolicyOptions> policy,
    ThresholdPolicy thresholds, TimeProvider clock)
    : DeploymentFormModel(cameras, queries, policy, thresholds)
{
    public override string SubmitLabel => "Save draft";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        StartsAtUtc ??= new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        EndsAtUtc ??= StartsAtUtc.Value.AddHours(Math.Min(5, MaxHours));
        Threshold ??= DefaultThreshold;
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DeploymentView? created = null;
        if (await TryAsync(async () => created = await deployments.CreateAsync(Actor, ToRequest(), ct)))
        {
            TempData["Message"] = "Draft saved. An authorising officer other than you must now review and authorise it.";
            return Redirect($"/deployments/{created!.Id}");
        }
        await LoadChoicesAsync(ct);
        return Page();
    }
}
