using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Policy;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Deployments;

[Authorize(Policy = ConsolePolicies.PlanDeployments)]
public sealed class CreateDeploymentModel(DeploymentService deployments, CameraService cameras, ConsoleQueries queries, IOptions<PolicyOptions> policy, ThresholdPolicy thresholds, TimeProvider clock)
    : ConsolePageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? PlaceJustification { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Necessity { get; set; }
    [BindProperty] public string? Proportionality { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? WatchlistId { get; set; }
    [BindProperty] public List<Guid> CameraIds { get; set; } = [];
    [BindProperty] public DateTime? StartsAtUtc { get; set; }
    [BindProperty] public DateTime? EndsAtUtc { get; set; }
    [BindProperty] public double? Threshold { get; set; }

    public IReadOnlyList<(Guid Id, string Name, int Subjects)> Watchlists { get; private set; } = [];
    public IReadOnlyList<CameraView> Cameras { get; private set; } = [];
    public double MinimumThreshold => thresholds.Minimum;
    /// <summary>The policy minimum in words (its expected false alert rate for the server's embedder).</summary>
    public string MinimumMeaning => thresholds.Describe(thresholds.Minimum);
    public double MaxHours => policy.Value.MaxDeploymentDuration.TotalHours;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        StartsAtUtc ??= new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        EndsAtUtc ??= StartsAtUtc.Value.AddHours(Math.Min(5, MaxHours));
        Threshold ??= thresholds.Default;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DeploymentView? created = null;
        var request = new DeploymentRequest(Name, Place, PlaceJustification, Purpose, Necessity, Proportionality, WatchlistId, CameraIds,
            AsUtc(StartsAtUtc), AsUtc(EndsAtUtc), Threshold);
        if (await TryAsync(async () => created = await deployments.CreateAsync(Actor, request, ct)))
        {
            TempData["Message"] = "Draft saved. An authorising officer other than you must now review and authorise it.";
            return Redirect($"/deployments/{created!.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The form's datetime-local has no zone; the page says UTC, so it is UTC.</summary>
    private static DateTime? AsUtc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Watchlists = await queries.UnusedWatchlistsAsync(ct);
        Cameras = await cameras.ListAsync(ct);
    }
}
