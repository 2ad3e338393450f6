using Microsoft.AspNetCore.SignalR;
using OpenLfr.Server.OperatorConsole.Alerts;

namespace OpenLfr.Server.OperatorConsole.Cameras;

/// <summary>
/// Pushes the camera tiles to connected consoles every two seconds: two small queries (camera names, the status each
/// node reported), so cameras processed by any node sharing the database show on every server.
/// </summary>
public sealed class CameraHealthBroadcaster(IHubContext<ConsoleHub> hub, IServiceScopeFactory scopes, ILogger<CameraHealthBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var tiles = await scope.ServiceProvider.GetRequiredService<CameraHealthQueries>().TilesAsync(stoppingToken);
                await hub.Clients.All.SendAsync(ConsoleHub.CameraHealth, tiles, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not push camera health to the console; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
