using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Recognition;
using OpenLfr.Server.Tests.Browser;
using OpenLfr.Server.Tests.Infrastructure;

namespace OpenLfr.Server.Tests.CameraWorkers;

/// <summary>
/// Several nodes share one database: each camera is processed by the one node holding its lease. Two nodes run in
/// this process against the real database (SQLite file, PostgreSQL server) with a clock the test moves.
/// </summary>
public sealed class CameraLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task One_node_holds_a_camera_until_it_releases_it_or_its_lease_expires(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var dbA = factory.OpenDb();
        await using var dbB = factory.OpenDb();
        var a = new CameraLeases(dbA, clock);
        var b = new CameraLeases(dbB, clock);
        var cam = s.CameraId;

        Assert.Equal("", await a.TryAcquireAsync(cam, "node-a", Lease));
        Assert.Null(await b.TryAcquireAsync(cam, "node-b", Lease));
        Assert.Equal("", await a.TryAcquireAsync(cam, "node-a", Lease)); // ours already: a renewal

        // Renewed every poll, the lease outlives its duration.
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal([cam], await a.RenewAsync("node-a", [cam], Lease));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(await b.TryAcquireAsync(cam, "node-b", Lease));

        // Node a stops renewing (it died): once the lease expired node b takes over, naming the previous holder.
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal("node-a", await b.TryAcquireAsync(cam, "node-b", Lease));
        var lease = Assert.Single(await a.ListAsync());
        Assert.Equal(("node-b", clock.GetUtcNow().UtcDateTime, clock.GetUtcNow().UtcDateTime + Lease), (lease.NodeId, lease.AcquiredAtUtc, lease.ExpiresAtUtc));
        // Node a comes back: its renewal says the camera is no longer its own, and it cannot take it back.
        Assert.Empty(await a.RenewAsync("node-a", [cam], Lease));
        Assert.Null(await a.TryAcquireAsync(cam, "node-a", Lease));

        // Releasing frees the camera at once, and a node can release only its own lease.
        Assert.Equal(0, await a.ReleaseAsync("node-a", cam));
        Assert.Equal(1, await b.ReleaseAsync("node-b"));
        Assert.Equal("", await a.TryAcquireAsync(cam, "node-a", Lease));

        // /healthz says which node processes each camera, whichever node is asked.
        var health = await (await factory.Anonymous().Http.GetAsync("/healthz")).Content.ReadAsStringAsync();
        Assert.Contains($"\"cameraId\":\"{cam}\",\"nodeId\":\"node-a\"", health);
    }

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Two_nodes_racing_for_free_cameras_never_both_win(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var cameras = new List<Guid> { s.CameraId };
        for (var i = 0; i < 5; i++)
        {
            var camera = await s.Admin.PostAsync<System.Text.Json.JsonElement>("/api/cameras", new { name = $"race-{i}", source = $"tcp://127.0.0.1:{9100 + i}" }, HttpStatusCode.Created);
            cameras.Add(camera.GetProperty("id").GetGuid());
        }
        // Free cameras, then expired leases of a third node: each time exactly one of the two wins each camera.
        for (var round = 0; round < 2; round++)
        {
            var winners = new List<string>();
            foreach (var cam in cameras)
            {
                await using var dbA = factory.OpenDb();
                await using var dbB = factory.OpenDb();
                var results = await Task.WhenAll(
                    Task.Run(() => new CameraLeases(dbA, clock).TryAcquireAsync(cam, "node-a", Lease)),
                    Task.Run(() => new CameraLeases(dbB, clock).TryAcquireAsync(cam, "node-b", Lease)));
                Assert.Single(results, r => r is not null);
                winners.Add(results[0] is not null ? "node-a" : "node-b");
            }
            await using var db = factory.OpenDb();
            Assert.Equal(winners, cameras.Select(c => db.CameraLeases.AsNoTracking().Single(l => l.CameraId == c).NodeId).ToList());
            await db.CameraLeases.ExecuteUpdateAsync(u => u.SetProperty(l => l.NodeId, "node-c"));
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task A_worker_node_leaves_a_leased_camera_alone_takes_it_over_when_the_lease_expires_and_releases_on_shutdown(string database)
    {
        // The server's own workers poll once at start-up only (a real hour); the test drives two nodes by hand.
        using var factory = new LfrFactory(database, new Dictionary<string, string?> { ["CameraWorkers:PollInterval"] = "01:00:00", ["CameraWorkers:LeaseDuration"] = "02:00:00" });
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        await s.EnrolAsync(watchlistId, subjectId, ("a.jpg", TestImages.Face(0)));
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddMinutes(1), TimeSpan.FromHours(2)), HttpStatusCode.Created);
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/authorise", new { rank = "Superintendent" });
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/activate", new { signageConfirmed = true });
        // Recorded as authorised under another embedder, so a node refuses to start it before loading any model:
        // the test sees the attempt (and its reason) without models or video.
        await using (var db = factory.OpenDb())
            await db.Deployments.Where(x => x.Id == d.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Embedder, "mobileface"));

        var nodeB = Node(factory, "node-b");
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal("", await scope.ServiceProvider.GetRequiredService<CameraLeases>().TryAcquireAsync(s.CameraId, "node-a", Lease));

        // Node a holds the camera: node b does not try it.
        await nodeB.TickAsync(CancellationToken.None);
        Assert.DoesNotContain(nodeB.Snapshot(), w => w.CameraId == s.CameraId);

        // Node a stopped renewing: node b takes the camera over (and says why it cannot run it), then releases the
        // lease because it could not start, so a node that can may take it.
        factory.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await nodeB.TickAsync(CancellationToken.None);
        var state = Assert.Single(nodeB.Snapshot(), w => w.CameraId == s.CameraId);
        Assert.Contains($"authorised with embedder mobileface (threshold {d.Threshold}), but this server's Recognition:Embedder is {new RecognitionOptions().Embedder}", state.Problem);
        await using (var db = factory.OpenDb())
            Assert.Empty(await db.CameraLeases.ToListAsync());

        // Node a (which can run it) takes it: once node b would retry, it sees the camera is another node's and drops its stale failure.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<CameraLeases>();
            Assert.Equal("", await leases.TryAcquireAsync(s.CameraId, "node-a", TimeSpan.FromHours(1)));
            factory.Clock.Advance(TimeSpan.FromMinutes(6));
            await nodeB.TickAsync(CancellationToken.None);
            Assert.DoesNotContain(nodeB.Snapshot(), w => w.CameraId == s.CameraId);
            Assert.Equal(1, await leases.ReleaseAsync("node-a"));
        }

        // Shutdown releases every lease of the node.
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal("", await scope.ServiceProvider.GetRequiredService<CameraLeases>().TryAcquireAsync(s.CameraId, "node-b", Lease));
        await nodeB.StopAllAsync();
        await using (var db = factory.OpenDb())
            Assert.Empty(await db.CameraLeases.ToListAsync());
    }

    private static CameraWorkerService Node(LfrFactory factory, string nodeId) => new(
        factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<IAlertRecorder>(),
        Options.Create(new CameraWorkerOptions { NodeId = nodeId, PollInterval = TimeSpan.FromSeconds(5), LeaseDuration = Lease, RetryAfter = TimeSpan.FromMinutes(5) }),
        factory.Services.GetRequiredService<IOptions<RecognitionOptions>>(), factory.Clock, NullLoggerFactory.Instance);
}
