using Microsoft.AspNetCore.SignalR;
using OpenLfr.Core.Cameras;
using OpenLfr.Server.OperatorConsole.Alerts;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole.Cameras;

/// <summary>Pushes the camera tiles to connected consoles every two seconds (cheap: a snapshot and a name look-up).</summary>
public sealed class CameraHealthBroadcaster(IHubContext<ConsoleHub> hub, IServiceScopeFactory scopes, ILogger<CameraHealthBroadcaster> logger,
    ICameraWorkerMonitor? monitor = null) : BackgroundService
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
                var names = await scope.ServiceProvider.GetRequiredService<ConsoleQueries>().CameraNamesAsync(stoppingToken);
                await hub.Clients.All.SendAsync(ConsoleHub.CameraHealth, CameraTile.Build(names, monitor), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not push camera health to the console; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
