using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Policy;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole.Deployments;

/// <summary>
/// The governance record's form, shared by planning a deployment and editing its draft: the fields, the
/// choices (unused watchlists, registered cameras) and the limits policy puts on them.
/// </summary>
public abstract class DeploymentFormModel(CameraService cameras, ConsoleQueries queries, IOptions<PolicyOptions> policy, IOptions<CameraWorkerOptions> live)
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
    public double MinimumThreshold => policy.Value.MinimumThreshold;
    public double MaxHours => policy.Value.MaxDeploymentDuration.TotalHours;

    /// <summary>The live embedder's threshold measured at FPIR 1 in 1,000: the operating point offered by default.</summary>
    public LiveThreshold Calibrated => LiveThreshold.Of(live.Value.Embedder);

    /// <summary>The label of the form's submit button.</summary>
    public abstract string SubmitLabel { get; }

    protected DeploymentRequest ToRequest() => new(Name, Place, PlaceJustification, Purpose, Necessity, Proportionality, WatchlistId, CameraIds,
        AsUtc(StartsAtUtc), AsUtc(EndsAtUtc), Threshold);

    protected void Fill(DeploymentView d)
    {
        (Name, Place, PlaceJustification, Purpose, Necessity, Proportionality) = (d.Name, d.Place, d.PlaceJustification, d.Purpose, d.Necessity, d.Proportionality);
        (WatchlistId, CameraIds, StartsAtUtc, EndsAtUtc, Threshold) = (d.WatchlistId, [.. d.CameraIds], d.StartsAtUtc, d.EndsAtUtc, d.Threshold);
    }

    /// <param name="including">The watchlist of the draft being edited, listed although it is in use.</param>
    protected async Task LoadChoicesAsync(CancellationToken ct, Guid? including = null)
    {
        Watchlists = await queries.UnusedWatchlistsAsync(ct, including);
        Cameras = await cameras.ListAsync(ct);
    }

    /// <summary>The form's datetime-local has no zone; the page says UTC, so it is UTC.</summary>
    private static DateTime? AsUtc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
