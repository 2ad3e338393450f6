using Microsoft.EntityFrameworkCore;
using OpenLfr.Core;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Retention;

namespace OpenLfr.Server.Hosting;

/// <summary>
/// A camera-worker node without a web server (<c>lfr worker</c>): the same camera workers, alert storage and audit as
/// <c>lfr serve</c>, on a database a server already migrated. Several such nodes (and servers) share one PostgreSQL
/// database; the camera lease table gives each camera to one node at a time. Retention and lifecycle sweeps stay
/// with the servers. Alerts stored here, and this node's camera states, reach every server's console through the
/// database (the servers' alert feed and camera tiles); live frames stay here (no console shows them).
/// </summary>
public static class LfrWorkerHost
{
    public static IHost Build(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var settings = ServerSettings.From(builder.Configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The local default database's key file is created by `lfr serve`; a worker only reads it.
            ["DataKey:KeyFile"] = settings.KeyFile ?? settings.ImplicitKeyFile,
            ["DataKey:Key"] = settings.Key,
        });
        if (!builder.Configuration.GetValue("CameraWorkers:Enabled", defaultValue: true))
            throw new InvalidOperationException("CameraWorkers:Enabled is false: a worker node without camera workers would do nothing. Remove the setting, or run `lfr serve` for a web-only node.");
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        var services = builder.Services;
        services.AddHostedService<DatabaseReadyCheck>();
        services.AddLfrPersistence(settings.Database);
        services.AddOpenLfrCameraWorkers(builder.Configuration);
        services.AddOpenLfrCore(builder.Configuration);
        // Sweeps (automatic ends, retention) run on the servers; doing them here too would only race them.
        foreach (var sweep in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LifecycleBackgroundService)).ToList())
            services.Remove(sweep);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A worker never migrates (servers do, one at a time); it refuses a database that is not ready.</summary>
    private sealed class DatabaseReadyCheck(IServiceScopeFactory scopes, ILogger<DatabaseReadyCheck> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LfrDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                throw new InvalidOperationException($"The database ({db.Database.ProviderName}) is not ready for a worker: {pending.Count} migration(s) not applied ({string.Join(", ", pending)}). " +
                    "Start `lfr serve` on it once (servers migrate the database), then start the worker.");
            logger.LogInformation("Worker node {Node}: database ready ({Provider})", scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CameraWorkerOptions>>().Value.NodeId, db.Database.ProviderName);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
