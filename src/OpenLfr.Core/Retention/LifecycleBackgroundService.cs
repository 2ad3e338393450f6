using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Policy;

namespace OpenLfr.Core.Retention;

/// <summary>
/// Runs the time-driven rules every <see cref="PolicyOptions.SweepInterval"/>: ends deployments whose
/// window has passed, then applies retention. Time comes from the injected <see cref="TimeProvider"/>,
/// so tests drive it with a manual clock. A failed sweep is logged and retried on the next tick.
/// </summary>
public sealed class LifecycleBackgroundService(IServiceScopeFactory scopes, IOptions<PolicyOptions> policy, TimeProvider clock, ILogger<LifecycleBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(scopes, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Lifecycle and retention sweep failed; retrying in {Interval}", policy.Value.SweepInterval);
            }
            try { await Task.Delay(policy.Value.SweepInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One sweep: automatic ends first, so a just-ended deployment's watchlist is due on time.</summary>
    public static async Task<(int Ended, RetentionReport Retention)> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ended = await scope.ServiceProvider.GetRequiredService<DeploymentService>().EndExpiredAsync(ct);
        var report = await scope.ServiceProvider.GetRequiredService<RetentionSweeper>().SweepAsync(ct);
        return (ended, report);
    }
}
