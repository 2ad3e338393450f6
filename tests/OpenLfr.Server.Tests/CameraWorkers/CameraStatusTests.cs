using OpenLfr.Core.Cameras;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Server.Tests.Infrastructure;

namespace OpenLfr.Server.Tests.CameraWorkers;

/// <summary>
/// The camera status table on the real databases: the node holding a camera's lease owns its report; a node that only
/// failed to start the camera never hides it while it is fresh; a node's reports go when it stops processing.
/// </summary>
public sealed class CameraStatusTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task The_lease_holder_owns_the_report_and_a_failing_node_overwrites_only_a_stale_one(string database)
    {
        using var factory = new LfrFactory(database, new Dictionary<string, string?> { ["CameraWorkers:Enabled"] = "false" });
        _ = factory.Services; // migrates
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var cam = Guid.NewGuid();
        await using (var db = factory.OpenDb())
        {
            db.Cameras.Add(new Camera { Id = cam, Name = "cam", Source = "tcp://127.0.0.1:9000", CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        await using var dbA = factory.OpenDb();
        await using var dbB = factory.OpenDb();
        var a = new CameraStatuses(dbA, clock);
        var b = new CameraStatuses(dbB, clock);
        var running = new CameraWorkerState(cam, "cam", true, 10, 9.5, 2, 0, clock.GetUtcNow().UtcDateTime, null);
        var failed = new CameraWorkerState(cam, "cam", false, 0, 0, 0, 0, null, "cannot start: no models");

        Assert.True(await a.ReportAsync("node-a", running, holdsLease: true, Lease));
        Assert.False(await b.ReportAsync("node-b", failed, holdsLease: false, Lease));
        var row = Assert.Single(await b.ListAsync());
        Assert.Equal(("node-a", true, 9.5), (row.NodeId, row.Healthy, row.FpsProcessed));

        // Node a stops reporting: its report turns stale, and node b's failure may replace it.
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(row.IsStale(clock.GetUtcNow().UtcDateTime, Lease));
        Assert.True(await b.ReportAsync("node-b", failed with { Problem = new string('x', 3000) }, holdsLease: false, Lease));
        row = Assert.Single(await a.ListAsync());
        Assert.Equal(("node-b", false, CameraStatus.MaxProblemLength), (row.NodeId, row.Healthy, row.Problem!.Length));
        Assert.False(row.IsStale(clock.GetUtcNow().UtcDateTime, Lease));

        // A node clears only its own reports, keeping the cameras it still processes.
        Assert.Equal(0, await a.ClearAsync("node-a", []));
        Assert.Equal(0, await b.ClearAsync("node-b", [cam]));
        Assert.Equal(1, await b.ClearAsync("node-b", []));
        Assert.Empty(await a.ListAsync());
    }
}
