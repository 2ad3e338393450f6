using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Alerts;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Alerts;
using OpenLfr.Server.OperatorConsole.Cameras;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Operator;

/// <summary>
/// The live alert queue and camera tiles. The page renders the current state; SignalR pushes what
/// happens next. Adjudication posts back here (antiforgery-checked) and is pushed to the other screens.
/// </summary>
[Authorize(Policy = ConsolePolicies.ViewAlerts)]
public sealed class ConsoleIndexModel(AlertService alerts, ConsoleQueries queries, HubAlertNotifier notifier, CameraHealthQueries cameraHealth, IServiceProvider services) : ConsolePageModel
{
    /// <summary>Decided alerts kept on screen under the pending ones.</summary>
    public const int RecentDecided = 20;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool CanAdjudicate => User.Allows(ConsolePolicies.Adjudicate);
    public IReadOnlyList<(Guid Id, string Name, string Place)> ActiveDeployments { get; private set; } = [];
    public IReadOnlyList<AlertCard> Alerts { get; private set; } = [];
    public string AlertsJson => Escape(JsonSerializer.Serialize(Alerts, Json));
    public string CamerasJson { get; private set; } = "[]";

    /// <summary>This server's camera-worker node (whose cameras' live views it can show); null on a web-only node.</summary>
    public string? NodeId => ConsoleEndpoints.LiveViewNode(services);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ActiveDeployments = await queries.ActiveDeploymentsAsync(ct);
        var cameras = await queries.CameraNamesAsync(ct);
        var all = await alerts.ListAsync(Actor, null, null, null, ct);
        Alerts = AlertCard.QueueOrder(all.Where(a => a.Decision == AlertDecision.Pending)
            .Concat(all.Where(a => a.Decision != AlertDecision.Pending).Take(RecentDecided))
            .Select(a => AlertCard.From(a, cameras.GetValueOrDefault(a.CameraId, a.CameraId.ToString()))));
        CamerasJson = Escape(JsonSerializer.Serialize(await cameraHealth.TilesAsync(ct), Json));
    }

    public Task<IActionResult> OnPostAdjudicateAsync(Guid id, AlertDecision decision, string? notes, CancellationToken ct) =>
        DecideAsync(() => alerts.AdjudicateAsync(Actor, id, new AdjudicateRequest(decision, notes), ct), ct);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, AlertOutcome outcome, bool arrested, string? notes, CancellationToken ct) =>
        DecideAsync(() => alerts.RecordOutcomeAsync(Actor, id, new OutcomeRequest(outcome, arrested, notes), ct), ct);

    private async Task<IActionResult> DecideAsync(Func<Task<AlertSummary>> action, CancellationToken ct)
    {
        if (!CanAdjudicate) return Forbid();
        AlertSummary? result = null;
        if (!await TryAsync(async () => result = await action()))
            return new JsonResult(new { errors = Errors }, Json) { StatusCode = 400 };
        await notifier.NotifyUpdatedAsync(result!, ct);
        var cameras = await queries.CameraNamesAsync(ct);
        return new JsonResult(AlertCard.From(result!, cameras.GetValueOrDefault(result!.CameraId, "")), Json);
    }

    /// <summary>JSON inside a script element must not be able to close it.</summary>
    private static string Escape(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);
}
