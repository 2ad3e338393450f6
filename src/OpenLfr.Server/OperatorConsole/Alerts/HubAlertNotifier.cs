using Microsoft.AspNetCore.SignalR;
using OpenLfr.Core.Alerts;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole.Alerts;

/// <summary>
/// Pushes alerts to every console connected to this server: at once for alerts this process stored (the Core calls
/// this only after the alert and its audit entry are saved) and for decisions made on its pages, and through
/// <see cref="AlertFeedService"/> for what other nodes stored or decided. <see cref="AlertPushLedger"/> makes sure each
/// alert state reaches the hub once, whichever path sees it first.
/// </summary>
public sealed class HubAlertNotifier(IHubContext<ConsoleHub> hub, IServiceScopeFactory scopes, AlertPushLedger ledger) : IAlertNotifier
{
    public async Task NotifyAsync(AlertSummary alert, CancellationToken ct)
    {
        if (!ledger.TryClaim(alert)) return;
        ledger.TryClaimAnnouncement(alert.Id);
        await SendAsync(ConsoleHub.AlertRaised, alert, ct);
    }

    public async Task NotifyUpdatedAsync(AlertSummary alert, CancellationToken ct)
    {
        if (!ledger.TryClaim(alert)) return;
        await SendAsync(ConsoleHub.AlertUpdated, alert, ct);
    }

    /// <summary>
    /// An alert as the database has it now: announced as new if it is pending and was not announced yet, otherwise
    /// pushed as an update; nothing if this state was pushed already.
    /// </summary>
    /// <returns>True if it was pushed.</returns>
    public async Task<bool> PushAsync(AlertSummary alert, CancellationToken ct)
    {
        if (!ledger.TryClaim(alert)) return false;
        var isNew = alert.Decision == AlertDecision.Pending && ledger.TryClaimAnnouncement(alert.Id);
        await SendAsync(isNew ? ConsoleHub.AlertRaised : ConsoleHub.AlertUpdated, alert, ct);
        return true;
    }

    private async Task SendAsync(string message, AlertSummary alert, CancellationToken ct)
    {
        var card = AlertCard.From(alert, await CameraNameAsync(alert.CameraId, ct));
        await hub.Clients.All.SendAsync(message, card, ct);
    }

    private async Task<string> CameraNameAsync(Guid cameraId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<ConsoleQueries>().CameraNamesAsync(ct);
        return names.GetValueOrDefault(cameraId, cameraId.ToString());
    }
}
