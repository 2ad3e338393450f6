using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Retention;
using OpenLfr.Server.Hosting;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.CameraWorkers;

/// <summary><c>lfr worker</c>'s host: camera workers only, on a database a server migrated; leases released on shutdown.</summary>
public sealed class WorkerHostTests
{
    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task A_worker_node_runs_camera_workers_only_on_the_servers_database_and_releases_its_leases_when_it_stops(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory); // the server migrated the database
        using var host = LfrWorkerHost.Build(["--db", factory.ConnectionString, "--DataKey:Key", factory.DataKey, "--CameraWorkers:NodeId", "worker-1"]);
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), h => h is LifecycleBackgroundService);
        var workers = host.Services.GetRequiredService<CameraWorkerService>();
        Assert.Equal("worker-1", workers.NodeId);
        await host.StartAsync();

        // A lease this node holds (as when it runs a camera) is released when it stops, so another node takes over at once.
        await using (var scope = host.Services.CreateAsyncScope())
            Assert.Equal("", await scope.ServiceProvider.GetRequiredService<CameraLeases>().TryAcquireAsync(s.CameraId, "worker-1", TimeSpan.FromMinutes(5)));
        await host.StopAsync();
        await using var db = factory.OpenDb();
        Assert.Empty(await db.CameraLeases.ToListAsync());
    }

    [Fact]
    public async Task A_worker_refuses_a_database_no_server_has_migrated()
    {
        using var dir = new TempDirectory("openlfr-worker");
        using var host = LfrWorkerHost.Build(["--db", $"Data Source={Path.Combine(dir.Path, "empty.db")}", "--DataKey:Key", Convert.ToBase64String(new byte[32])]);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("migration(s) not applied", e.Message);
        Assert.Contains("Start `lfr serve` on it once", e.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void A_worker_with_camera_workers_disabled_is_refused() =>
        Assert.Contains("would do nothing", Assert.Throws<InvalidOperationException>(() => LfrWorkerHost.Build(["--CameraWorkers:Enabled", "false"])).Message);
}
