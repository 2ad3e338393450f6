using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenLfr.Core;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.Hosting;
using OpenLfr.Server.OperatorConsole.Alerts;
using OpenLfr.Server.Tests.Browser;
using OpenLfr.Server.Tests.Infrastructure;

namespace OpenLfr.Server.Tests.CameraWorkers;

/// <summary>
/// Two nodes on one database: the server (web only, its camera workers off) with a console connected to its hub, and a
/// worker node (<c>lfr worker</c>'s host, its own service provider) that stores alerts, decides on them and reports its
/// cameras. Everything the worker node writes reaches the server's console through the database alone.
/// </summary>
public sealed class MultiNodeConsoleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Alerts_stored_and_decided_on_another_node_reach_the_console_once(string database)
    {
        using var factory = new LfrFactory(database, new Dictionary<string, string?> { ["CameraWorkers:Enabled"] = "false" });
        var s = await Scenario.CreateAsync(factory);
        var (deploymentId, subjectId, imageId) = await ActiveDeploymentAsync(s);
        using var worker = WorkerNode(factory);
        await using var console = await ConsoleHubClient.ConnectAsync(factory, "operator", Scenario.Password);

        // Stored by the worker node, which has no hub: the server's feed finds it in the database and announces it.
        var id = await worker.Services.GetRequiredService<IAlertRecorder>().RaiseAsync(
            new AlertCandidate(deploymentId, s.CameraId, "t1", subjectId, imageId, 0.99, s.Now, TestImages.Face(2), TestImages.Face(3)));
        var stored = System.Diagnostics.Stopwatch.StartNew();
        var card = await console.WaitForAsync(ConsoleHub.AlertRaised, a => a.GetProperty("id").GetGuid() == id, Wait);
        output.WriteLine($"{database}: alert stored by the worker node reached the server's console {stored.ElapsedMilliseconds} ms later (feed polls every 500 ms)");
        Assert.Equal(("possible match", "cam-1", "Pending", "W-001"),
            (card.GetProperty("label").GetString(), card.GetProperty("cameraName").GetString(), card.GetProperty("decision").GetString(), card.GetProperty("subjectReference").GetString()));
        Assert.Equal($"/console/alerts/{id}/probe.jpg", card.GetProperty("probeUrl").GetString()); // a URL, never the image

        // An operator on the worker's side decides: the console shows the decision.
        await using (var scope = worker.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertService>().AdjudicateAsync(new Actor(null, "operator-b"), id, new AdjudicateRequest(AlertDecision.NoMatch, null));
        var decided = System.Diagnostics.Stopwatch.StartNew();
        var updated = await console.WaitForAsync(ConsoleHub.AlertUpdated, a => a.GetProperty("id").GetGuid() == id, Wait);
        output.WriteLine($"{database}: decision made on the worker node reached the server's console {decided.ElapsedMilliseconds} ms later");
        Assert.Equal(("NoMatch", "operator-b"), (updated.GetProperty("decision").GetString(), updated.GetProperty("adjudicatedBy").GetString()));

        // Stored on the server itself: pushed at once in process; the feed, finding it too, does not push it again.
        var local = await factory.Service<IAlertRecorder>().RaiseAsync(
            new AlertCandidate(deploymentId, s.CameraId, "t2", subjectId, imageId, 0.99, s.Now, TestImages.Face(2), TestImages.Face(3)));
        await console.WaitForAsync(ConsoleHub.AlertRaised, a => a.GetProperty("id").GetGuid() == local, Wait);
        Assert.Equal(0, await factory.Service<AlertFeedService>().PollAsync(CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // three of the feed's own polls
        Assert.Single(console.Received(ConsoleHub.AlertRaised), a => a.GetProperty("id").GetGuid() == local);
        Assert.Single(console.Received(ConsoleHub.AlertRaised), a => a.GetProperty("id").GetGuid() == id);
        Assert.Single(console.Received(ConsoleHub.AlertUpdated), a => a.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(console.Received(ConsoleHub.AlertUpdated), a => a.GetProperty("id").GetGuid() == local);
    }

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Camera_tiles_and_healthz_show_what_another_node_reports_and_mark_it_stale_when_it_stops(string database)
    {
        using var factory = new LfrFactory(database, new Dictionary<string, string?> { ["CameraWorkers:Enabled"] = "false" });
        var s = await Scenario.CreateAsync(factory);
        var (deploymentId, _, _) = await ActiveDeploymentAsync(s);
        // Recorded as authorised under another embedder, so the worker node refuses the camera before loading any model:
        // a real failure of its camera workers, without models or video.
        await using (var db = factory.OpenDb())
            await db.Deployments.Where(x => x.Id == deploymentId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Embedder, "mobileface"));
        using var worker = WorkerNode(factory);
        await using var console = await ConsoleHubClient.ConnectAsync(factory, "operator", Scenario.Password);

        // The worker node's camera workers poll: they cannot start the camera and write why.
        await worker.Services.GetRequiredService<CameraWorkerService>().TickAsync(CancellationToken.None);
        var tile = await CameraTileAsync(console, s.CameraId, t => t.GetProperty("state").GetString() == "stalled");
        Assert.Equal("worker-1", tile.GetProperty("nodeId").GetString());
        Assert.Contains("authorised with embedder mobileface", tile.GetProperty("problem").GetString());

        // Running on the worker node: its report (as the workers write it every poll) is the tile and /healthz, here.
        var frameAt = s.Now;
        await using (var scope = worker.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<CameraStatuses>().ReportAsync("worker-1",
                new CameraWorkerState(s.CameraId, "cam-1", true, 9.5, 8, 3, 1, frameAt, null), holdsLease: true, TimeSpan.FromSeconds(30)));
        tile = await CameraTileAsync(console, s.CameraId, t => t.GetProperty("state").GetString() == "running");
        Assert.Equal((9.5, 8.0, 3L, "worker-1"), (tile.GetProperty("fpsIn").GetDouble(), tile.GetProperty("fpsProcessed").GetDouble(), tile.GetProperty("dropped").GetInt64(), tile.GetProperty("nodeId").GetString()));
        var health = await HealthAsync(factory);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var camera = health.GetProperty("data").GetProperty("cam-1");
        Assert.Equal(("worker-1", true, false), (camera.GetProperty("nodeId").GetString(), camera.GetProperty("healthy").GetBoolean(), camera.GetProperty("stale").GetBoolean()));

        // The live view is on the worker node: the server names it instead of showing nothing.
        await using (var scope = worker.Services.CreateAsyncScope())
            Assert.Equal("", await scope.ServiceProvider.GetRequiredService<CameraLeases>().TryAcquireAsync(s.CameraId, "worker-1", TimeSpan.FromSeconds(30)));
        var live = await s.Operator.Http.GetAsync($"/console/cameras/{s.CameraId}/live.jpg");
        Assert.Equal(HttpStatusCode.NotFound, live.StatusCode);
        Assert.Contains("processed by node worker-1", (await live.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());

        // The worker node stops reporting (it died): once a lease has passed, its report is marked stale, not shown as running.
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        var reportedAt = frameAt.ToString("yyyy-MM-dd HH:mm:ss");
        tile = await CameraTileAsync(console, s.CameraId, t => t.GetProperty("state").GetString() == "no report");
        Assert.Equal($"no report from node worker-1 since {reportedAt} UTC", tile.GetProperty("problem").GetString());
        health = await HealthAsync(factory);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        camera = health.GetProperty("data").GetProperty("cam-1");
        Assert.Equal((false, true), (camera.GetProperty("healthy").GetBoolean(), camera.GetProperty("stale").GetBoolean()));
        Assert.Contains("no report from node worker-1", camera.GetProperty("problem").GetString());

        // A node shutting down removes its reports: the camera is simply not running.
        await worker.Services.GetRequiredService<CameraWorkerService>().StopAllAsync();
        await CameraTileAsync(console, s.CameraId, t => t.GetProperty("state").GetString() == "not running" && t.GetProperty("nodeId").ValueKind == JsonValueKind.Null);
    }

    /// <summary>An Active deployment inside its window on the scenario's camera, with one enrolled subject.</summary>
    private static async Task<(Guid DeploymentId, Guid SubjectId, Guid ImageId)> ActiveDeploymentAsync(Scenario s)
    {
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        var imageId = (await s.EnrolAsync(watchlistId, subjectId, ("a.jpg", TestImages.Face(0)))).GetProperty("images")[0].GetProperty("imageId").GetGuid();
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddMinutes(1), TimeSpan.FromHours(2)), HttpStatusCode.Created);
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/authorise", new { rank = "Superintendent" });
        s.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/activate", new { signageConfirmed = true });
        return (d.Id, subjectId, imageId);
    }

    /// <summary><c>lfr worker</c>'s host on the server's database and clock, built (its own services) but not started: the test drives it.</summary>
    private static IHost WorkerNode(LfrFactory factory) =>
        LfrWorkerHost.Build(["--db", factory.ConnectionString, "--DataKey:Key", factory.DataKey, "--CameraWorkers:NodeId", "worker-1"], b =>
        {
            b.Services.RemoveAll<TimeProvider>();
            b.Services.AddSingleton<TimeProvider>(factory.Clock);
        });

    /// <summary>
    /// The camera's tile from the first tiles pushed from now on (the console's cameraHealth message, every 2 s) in which
    /// it matches. Each step of the test moves the tile to a state it was not in before, so earlier pushes cannot match.
    /// </summary>
    private static async Task<JsonElement> CameraTileAsync(ConsoleHubClient console, Guid cameraId, Func<JsonElement, bool> match)
    {
        bool Wanted(JsonElement t) => t.GetProperty("cameraId").GetGuid() == cameraId && match(t);
        console.Forget(ConsoleHub.CameraHealth);
        var tiles = await console.WaitForAsync(ConsoleHub.CameraHealth, tiles => tiles.EnumerateArray().Any(Wanted), Wait);
        return tiles.EnumerateArray().First(Wanted);
    }

    private static async Task<JsonElement> HealthAsync(LfrFactory factory)
    {
        var body = await (await factory.Anonymous().Http.GetAsync("/healthz")).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("checks").GetProperty("camera-workers");
    }
}
