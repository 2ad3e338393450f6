using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Policy;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole.Deployments;

/// <summary>
/// The governance record's form, shared by planning a deployment and editing its draft: the fields, the
/// choices (unused watchlists, registered cameras) and the limits policy puts on them.
/// </summary>
public abstract class DeploymentFormModel(CameraService cameras, ConsoleQueries queries, IOptions<PolicyOptions> policy, ThresholdPolicy thresholds)
    : ConsolePageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? PlaceJustification { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Necessity { get; set; }
    [BindProperty] public string? Proportionality { get; set; }
    [BindProperty] public string? DpiaReference { get; set; }
    [BindProperty] public string? AppropriatePolicyDocumentReference { get; set; }
    [BindProperty] public bool StandaloneConfirmed { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? WatchlistId { get; set; }
    [BindProperty] public List<Guid> CameraIds { get; set; } = [];
    [BindProperty] public DateTime? StartsAtUtc { get; set; }
    [BindProperty] public DateTime? EndsAtUtc { get; set; }
    [BindProperty] public double? Threshold { get; set; }

    public IReadOnlyList<(Guid Id, string Name, int Subjects)> Watchlists { get; private set; } = [];
    public IReadOnlyList<CameraView> Cameras { get; private set; } = [];
    public double MaxHours => policy.Value.MaxDeploymentDuration.TotalHours;

    /// <summary>
    /// The lowest threshold policy allows for any watchlist (one template): the form's lower bound. The server checks the
    /// threshold against the minimum for the chosen watchlist's size.
    /// </summary>
    public double MinimumThreshold => thresholds.MinimumFor(1);

    /// <summary>The policy minimum in words (its expected false alert rate for the server's embedder).</summary>
    public string MinimumMeaning => thresholds.Describe(thresholds.Minimum);

    /// <summary>The threshold offered for a new deployment: the embedder's calibrated default, raised to the policy minimum.</summary>
    public double DefaultThreshold => thresholds.Default;

    public string DefaultMeaning => thresholds.Describe(thresholds.Default);

    /// <summary>The watchlist size the offered and minimum figures are for: that of the embedder's evaluation.</summary>
    public int ReferenceWatchlistSize => thresholds.Embedder.Calibration.GallerySize;

    /// <summary>The label of the form's submit button.</summary>
    public abstract string SubmitLabel { get; }

    protected DeploymentRequest ToRequest() => new(Name, Place, PlaceJustification, Purpose, Necessity, Proportionality, WatchlistId, CameraIds,
        AsUtc(StartsAtUtc), AsUtc(EndsAtUtc), Threshold, DpiaReference, AppropriatePolicyDocumentReference, StandaloneConfirmed);

    protected void Fill(DeploymentView d)
    {
        (Name, Place, PlaceJustification, Purpose, Necessity, Proportionality) = (d.Name, d.Place, d.PlaceJustification, d.Purpose, d.Necessity, d.Proportionality);
        (WatchlistId, CameraIds, StartsAtUtc, EndsAtUtc, Threshold) = (d.WatchlistId, [.. d.CameraIds], d.StartsAtUtc, d.EndsAtUtc, d.Threshold);
        (DpiaReference, AppropriatePolicyDocumentReference, StandaloneConfirmed) = (d.DpiaReference, d.AppropriatePolicyDocumentReference, d.StandaloneConfirmed);
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
