using Microsoft.Extensions.Options;
using OpenLfr.Core.Alerts;

namespace OpenLfr.Server.OperatorConsole.Alerts;

/// <summary>
/// Pushes to this server's consoles the alerts stored, and the decisions made, by any node sharing the database: a
/// <c>lfr worker</c> on another machine, or another server whose operators decided. Every
/// <see cref="AlertFeedOptions.PollInterval"/> it reads the alerts changed in the last <see cref="AlertFeedOptions.Lookback"/>
/// (indexed on <see cref="Alert.ChangedAtUtc"/>) and hands each to <see cref="HubAlertNotifier"/>, which pushes what it has not
/// pushed already (the in-process push of alerts this node stored is immediate; this is the path for the others).
/// Logs carry alert ids and counts only.
/// </summary>
public sealed class AlertFeedService(IServiceScopeFactory scopes, HubAlertNotifier notifier, AlertPushLedger ledger, IOptions<AlertFeedOptions> options,
    TimeProvider clock, ILogger<AlertFeedService> logger) : BackgroundService
{
    /// <summary>At most this many changes per query; more are read by the next query, from the last one's time.</summary>
    public const int Batch = 200;

    private readonly AlertFeedOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _options.Validate();
        using var timer = new PeriodicTimer(_options.PollInterval);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Alert feed: could not read alert changes from the database ({Error}); retrying in {Interval}", e.Message, _options.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One read of the database's recent alert changes, pushed to the hub unless pushed already. Public for tests.</summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        ledger.Prune();
        var since = clock.GetUtcNow().UtcDateTime - _options.Lookback;
        var pushed = 0;
        while (true)
        {
            IReadOnlyList<AlertChange> changes;
            IReadOnlyList<AlertSummary> unseen;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var query = scope.ServiceProvider.GetRequiredService<AlertChanges>();
                changes = await query.SinceAsync(since, Batch, ct);
                // Most polls find only what was pushed already; the others read just those alerts in full.
                unseen = await query.LoadAsync(changes.Where(c => !ledger.WasPushed(c)).Select(c => c.Id).ToList(), ct);
            }
            foreach (var alert in unseen.OrderBy(a => changes.First(c => c.Id == a.Id).ChangedAtUtc))
                if (await notifier.PushAsync(alert, ct)) pushed++;
            if (changes.Count < Batch) break;
            // A full batch: read on from the last change (an equal time read twice is dropped by the ledger).
            since = changes[^1].ChangedAtUtc.AddTicks(-10);
        }
        if (pushed > 0) logger.LogInformation("Alert feed: pushed {Count} alert change(s) stored by other nodes or outside the console", pushed);
        return pushed;
    }
}
