using Microsoft.AspNetCore.SignalR;
using OpenLfr.Core.Alerts;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole.Alerts;

/// <summary>
/// Pushes each stored alert to every connected console (the Core calls this only after the alert and
/// its audit entry are saved). Also used by the console's own forms to push decisions to the other screens.
/// </summary>
public sealed class HubAlertNotifier(IHubContext<ConsoleHub> hub, IServiceScopeFactory scopes) : IAlertNotifier
{
    public async Task NotifyAsync(AlertSummary alert, CancellationToken ct)
    {
        var card = AlertCard.From(alert, await CameraNameAsync(alert.CameraId, ct));
        await hub.Clients.All.SendAsync(ConsoleHub.AlertRaised, card, ct);
    }

    public async Task NotifyUpdatedAsync(AlertSummary alert, CancellationToken ct)
    {
        var card = AlertCard.From(alert, await CameraNameAsync(alert.CameraId, ct));
        await hub.Clients.All.SendAsync(ConsoleHub.AlertUpdated, card, ct);
    }

    private async Task<string> CameraNameAsync(Guid cameraId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<ConsoleQueries>().CameraNamesAsync(ct);
        return names.GetValueOrDefault(cameraId, cameraId.ToString());
    }
}
