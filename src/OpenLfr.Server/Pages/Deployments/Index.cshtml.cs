using Microsoft.AspNetCore.Authorization;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.OperatorConsole;

namespace OpenLfr.Server.Pages.Deployments;

[Authorize(Policy = ConsolePolicies.SignedIn)]
public sealed class DeploymentsIndexModel(DeploymentService deployments) : ConsolePageModel
{
    public IReadOnlyList<DeploymentView> Deployments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Deployments = await deployments.ListAsync(ct);
}
