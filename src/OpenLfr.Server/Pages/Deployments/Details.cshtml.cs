using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Deployments;

/// <summary>Reads the deployment record and moves it along its lifecycle; the Core checks every transition again.</summary>
[Authorize(Policy = ConsolePolicies.SignedIn)]
public sealed class DeploymentDetailsModel(DeploymentService deployments, WatchlistService watchlists, ConsoleQueries queries, UserManager<LfrUser> users)
    : ConsolePageModel
{
    public DeploymentView? Deployment { get; private set; }
    public string WatchlistName { get; private set; } = "";
    public int WatchlistSubjects { get; private set; }
    /// <summary>The threshold the cameras apply with the watchlist as it is now, and its expected false alert rate at that size.</summary>
    public string ThresholdNow { get; private set; } = "";
    public IReadOnlyDictionary<Guid, string> CameraNames { get; private set; } = new Dictionary<Guid, string>();
    public string? Rank { get; private set; }
    /// <summary>User names are unique, so the recorded creator name identifies the creator.</summary>
    public bool IsCreator => Deployment is not null && string.Equals(Deployment.CreatedBy, User.Identity?.Name, StringComparison.Ordinal);

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostAuthoriseAsync(Guid id, string? rank, string? notes, CancellationToken ct) =>
        ActAsync(id, ConsolePolicies.Authorise, () => deployments.AuthoriseAsync(Actor, id, new AuthoriseRequest(rank, notes), ct), "Deployment authorised.", ct);

    public Task<IActionResult> OnPostActivateAsync(Guid id, bool signageConfirmed, CancellationToken ct) =>
        ActAsync(id, ConsolePolicies.RunDeployments, () => deployments.ActivateAsync(Actor, id, new ActivateRequest(signageConfirmed), ct), "Deployment active: cameras may now process faces.", ct);

    public Task<IActionResult> OnPostEndAsync(Guid id, string? reason, CancellationToken ct) =>
        ActAsync(id, ConsolePolicies.RunDeployments, () => deployments.EndAsync(Actor, id, new EndRequest(reason), ct), "Deployment ended. Its watchlist images will be destroyed by the retention rule.", ct);

    private async Task<IActionResult> ActAsync(Guid id, string policy, Func<Task<DeploymentView>> action, string done, CancellationToken ct)
    {
        if (!User.Allows(policy)) return Forbid();
        if (await TryAsync(action))
        {
            TempData["Message"] = done;
            return Redirect($"/deployments/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Deployment = await deployments.GetAsync(id, ct);
        var list = await watchlists.ListAsync(ct);
        var w = list.FirstOrDefault(x => x.Id == Deployment.WatchlistId);
        WatchlistName = w?.Name ?? Deployment.WatchlistId.ToString();
        WatchlistSubjects = w?.Subjects ?? 0;
        ThresholdNow = await deployments.ThresholdNowAsync(Deployment, ct);
        CameraNames = await queries.CameraNamesAsync(ct);
        if (await users.GetUserAsync(User) is { } me) Rank = me.Rank;
    }
}
