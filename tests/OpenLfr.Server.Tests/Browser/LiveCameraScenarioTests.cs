using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Policy;
using OpenLfr.Core.Persistence;
using OpenLfr.Testing;
using OpenLfr.Vision.Simulation;
using Xunit.Abstractions;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// The issue's "done when" scenario with nothing stood in: a walk-past video composed from LFW by the simulator,
/// served by ffmpeg as a live stream on loopback and registered as a camera through the pages; a watchlist
/// enrolled from real photos through the bulk enrolment; the server's own camera workers raising the alert; the
/// operator seeing it arrive over SignalR, deciding, recording the outcome; the review and public figures.
/// </summary>
[Collection(RealTimeTestCollection.Name)]
public sealed class LiveCameraScenarioTests(LiveBrowserServer server, ITestOutputHelper output) : IClassFixture<LiveBrowserServer>
{
    private const string Place = "Stratford station, west entrance";

    /// <summary>Time the live pipeline gets to raise the alert (model loading and processing on a loaded 2-core machine).</summary>
    private static readonly TimeSpan AlertWait = TimeSpan.FromSeconds(90);

    [RequiresLiveScenarioFact]
    public async Task A_watchlisted_person_walking_past_a_simulated_camera_reaches_the_console_live_and_the_public_figures()
    {
        try
        {
            await RunScenarioAsync();
        }
        catch
        {
            // What the camera workers were doing, for whoever reads the failure.
            foreach (var w in server.App.Services.GetRequiredService<CameraWorkerService>().Snapshot()) output.WriteLine($"worker: {w}");
            foreach (var line in server.WorkerLog.Lines) output.WriteLine(line);
            output.WriteLine($"log lines {server.WorkerLog.Lines.Count}; hosted: {string.Join(", ", server.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(h => h.GetType().Name))}");
            try
            {
                var w = server.App.Services.GetRequiredService<CameraWorkerService>();
                await w.TickAsync(CancellationToken.None);
                output.WriteLine($"after a tick: running {w.RunningCameras.Count}; {string.Join("; ", w.Snapshot())}");
            }
            catch (Exception e) { output.WriteLine("tick failed: " + e); }
            var i = 0;
            foreach (var context in server.Browser.Contexts)
                foreach (var p in context.Pages)
                    await BrowserServer.ScreenshotAsync(p, $"live-failure-{i++}", check: false);
            throw;
        }
    }

    private async Task RunScenarioAsync()
    {
        var clock = Stopwatch.StartNew();
        using var data = new TempDirectory("openlfr-live-browser");
        // A short, small video: three people, one of them on the watchlist, two at a time on screen. Seed 5 puts a person
        // with many LFW photos on the watchlist, so several (other) photos can be enrolled, as custody records would have.
        var sim = WalkPastSimulator.Run(SimulationOptions.InFolder(data.Path, SharedData.PathOf("datasets/lfw")) with
        {
            People = 3, Watchlisted = 1, Width = 640, Height = 360, Fps = 10, Seed = 5,
            Concurrent = 2, MinVisibleSeconds = 3, MaxVisibleSeconds = 4,
        });
        var sought = sim.Truth.People.Single(p => p.Watchlisted).Identity;
        var soughtName = sought.Replace('_', ' ');
        output.WriteLine($"simulated {sim.Truth.Duration:0.0} s, {sim.Frames} frames, {sim.Truth.People.Count} people, sought {sought} ({clock.Elapsed.TotalSeconds:0.0} s)");
        // Looped, so a pass missed while models load or the machine is busy is followed by another; stopped once the alert is in.
        using var stream = new SimulatedCameraServer(sim.Truth.Video, loop: true);
        stream.Start();

        // The administrator registers the stream as a camera.
        var admin = await server.SignInAsync("admin");
        await admin.GotoAsync("/cameras");
        await admin.FillAsync("#Name", "West entrance camera");
        await admin.FillAsync("#Source", stream.Url);
        await admin.ClickAsync("form.card button[type=submit]");
        await Expect(admin.Locator("table")).ToContainTextAsync(stream.Url);

        // The watchlist: the person sought (from other photos than the one walking past) and a decoy who never appears.
        var planner = await server.SignInAsync("planner");
        await planner.GotoAsync("/watchlists");
        await planner.FillAsync("#Name", "Op Meridian watchlist");
        await planner.FillAsync("#IntelligenceCase", "A person wanted on warrant reported using the west entrance at rush hour.");
        await planner.ClickAsync("form.card button[type=submit]");
        await planner.WaitForURLAsync("**/watchlists/*");
        await AddSubjectAsync(planner, "W001", soughtName, "Wanted by the courts");
        await AddSubjectAsync(planner, "W002", "Decoy Person", "Suspected of an offence");
        var shown = sim.Truth.People.Select(p => p.Identity).ToHashSet();
        var decoy = Directory.GetDirectories(SharedData.PathOf("datasets/lfw")).Order(StringComparer.Ordinal).First(d => !shown.Contains(Path.GetFileName(d)));
        // The sought person's other LFW photos (never the one walking past), up to four, as a watchlist holds several custody images.
        var soughtPerson = sim.Truth.People.Single(p => p.Watchlisted);
        var photos = Directory.GetFiles(Path.Combine(SharedData.PathOf("datasets/lfw"), sought), "*.jpg").Order(StringComparer.Ordinal)
            .Where(f => Path.GetFileName(f) != Path.GetFileName(soughtPerson.ShownImage)).Take(4).ToList();
        var files = photos
            .Select((f, i) => new FilePayload { Name = $"W001_{i + 1}.jpg", MimeType = "image/jpeg", Buffer = File.ReadAllBytes(f) })
            .Append(new FilePayload { Name = "W002.jpg", MimeType = "image/jpeg", Buffer = File.ReadAllBytes(Directory.GetFiles(decoy).Order(StringComparer.Ordinal).First()) })
            .ToList();
        await FillProvenanceAsync(planner);
        await planner.SetInputFilesAsync("#files", files);
        await planner.ClickAsync("#enrol-form button[type=submit]");
        await Expect(planner.Locator("#verdicts tbody tr")).ToHaveCountAsync(files.Count, new() { Timeout = 60_000 });
        Assert.Equal(files.Count, await planner.Locator("#verdicts .verdict.accepted").CountAsync());
        await BrowserServer.ScreenshotAsync(planner, "live-01-watchlist-enrolled");
        output.WriteLine($"enrolled {files.Count} real photos ({clock.Elapsed.TotalSeconds:0.0} s)");

        // The draft: the threshold offered is the server embedder's calibrated default, kept.
        await planner.GotoAsync("/deployments/new");
        await planner.FillAsync("#Name", "Op Meridian");
        await planner.FillAsync("#Place", Place);
        await planner.FillAsync("#PlaceJustification", "Reported sightings at the west entrance on weekday mornings.");
        await planner.FillAsync("#Purpose", "Locate a person wanted on warrant.");
        await planner.FillAsync("#Necessity", "Enquiries at known addresses failed over three weeks.");
        await planner.FillAsync("#Proportionality", "Two hours, one signposted entrance, watchlist of two.");
        await planner.FillAsync("#DpiaReference", "DPIA-LFR-2026-08");
        await planner.FillAsync("#AppropriatePolicyDocumentReference", "APD-SC-2026-03");
        await planner.CheckAsync("#StandaloneConfirmed");
        await planner.SelectOptionAsync("#WatchlistId", new SelectOptionValue { Label = "Op Meridian watchlist (2 subjects)" });
        await planner.CheckAsync("input[name=CameraIds]");
        var now = DateTime.UtcNow;
        await planner.FillAsync("#StartsAtUtc", now.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await planner.FillAsync("#EndsAtUtc", now.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        // Offered and kept: the embedder's 1-in-1,000 point (the default policy's limit). The camera workers score tracks'
        // pooled evidence against it with the embedder's measured live adjustment (LiveDefaults.LiveThreshold).
        ThresholdPolicy thresholds;
        await using (var scope = server.App.Services.CreateAsyncScope()) thresholds = scope.ServiceProvider.GetRequiredService<ThresholdPolicy>();
        Assert.Equal(thresholds.Default, double.Parse(await planner.InputValueAsync("#Threshold"), CultureInfo.InvariantCulture), 4);
        await Expect(planner.Locator("#threshold-hint")).ToContainTextAsync("1 false alert in 1,000 faces");
        await planner.ClickAsync("form.card button[type=submit]");
        await planner.WaitForURLAsync("**/deployments/*");
        var deploymentUrl = planner.Url;
        var deploymentId = Guid.Parse(deploymentUrl.Split('/').Last());
        await Expect(planner.Locator("#status")).ToHaveTextAsync("Draft");

        // Authorised by someone other than the planner.
        var supt = await server.SignInAsync("supt");
        await supt.GotoAsync(deploymentUrl);
        await supt.ClickAsync("text=Authorise deployment");
        await Expect(supt.Locator("#status")).ToHaveTextAsync("Authorised");

        // The operator has the console open before the camera starts: whatever arrives comes over SignalR.
        var op = await server.SignInAsync("operator");
        var console = await op.Context.NewPageAsync();
        await console.GotoAsync("/console");
        await Expect(console.Locator("#connection")).ToHaveTextAsync("Live feed connected");
        await Expect(console.Locator("#queue-empty")).ToBeVisibleAsync();
        await console.EvaluateAsync("window.__notReloaded = true");
        await op.GotoAsync(deploymentUrl);
        await op.CheckAsync("#signage");
        await op.ClickAsync("#activate-heading ~ form button[type=submit]");
        await Expect(op.Locator("#status")).ToHaveTextAsync("Active");
        var activated = clock.Elapsed;

        var card = console.Locator("#alerts .alert-card").First;
        await Expect(card).ToBeVisibleAsync(new() { Timeout = (float)AlertWait.TotalMilliseconds });
        output.WriteLine($"first alert on screen {(clock.Elapsed - activated).TotalSeconds:0.0} s after activation");
        Assert.True(await console.EvaluateAsync<bool>("window.__notReloaded === true"), "the console reloaded");
        await Expect(card).ToContainTextAsync("Possible match");
        await Expect(card).ToContainTextAsync(soughtName);
        await Expect(card).ToContainTextAsync("West entrance camera");
        await Expect(card.Locator(".urgency-label")).ToHaveTextAsync("Amber: arrest");
        await Expect(console.Locator("#announcer")).ToContainTextAsync("New possible match: " + soughtName);
        await Expect(card.Locator("img").First).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await card.Locator("img").First.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the probe crop did not load");
        var cameraId = await CameraIdAsync(deploymentId);
        await Expect(console.Locator($"[data-camera='{cameraId}'] .state")).ToHaveTextAsync("running");
        await BrowserServer.ScreenshotAsync(console, "live-02-console-alert");

        // The live view shows the camera's latest frame (faces blurred by the pipeline).
        await op.GotoAsync($"/console/live/{cameraId}");
        await Expect(op.Locator("#live-frame")).ToBeVisibleAsync();
        await BrowserServer.ScreenshotAsync(op, "live-03-live-view");
        stream.Stop();

        // Decide: engage; the officers find the person and arrest.
        var alertId = Guid.Parse((await card.GetAttributeAsync("data-id"))!);
        var first = console.Locator($"[data-id='{alertId}']");
        await first.Locator("button[value=Engage]").ClickAsync();
        await first.Locator("select").SelectOptionAsync("ConfirmedSubject");
        await first.Locator("input[type=checkbox]").CheckAsync();
        await first.Locator("text=Record outcome").ClickAsync();
        await Expect(first.Locator(".decision")).ToContainTextAsync("Confirmed: the person sought, arrested");
        await BrowserServer.ScreenshotAsync(console, "live-04-console-decided");

        // The arrest goes to court: the alert, with the real crop the camera took, is kept as evidence from its page.
        await op.GotoAsync($"/console/alerts/{alertId}");
        await Expect(op.Locator(".faces img").First).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await op.Locator(".faces img").First.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the probe crop did not load on the alert page");
        await op.FillAsync("#Reason", "Arrest on warrant; custody record CR-5678.");
        await op.ClickAsync("form[action*=Evidence] button[type=submit]");
        await Expect(op.Locator("#evidence-state")).ToContainTextAsync("Kept as evidence by operator");
        await BrowserServer.ScreenshotAsync(op, "live-04b-alert-evidence");

        // End; the camera stops. A person can be more than one track: any further alert for them is engaged, not located.
        await op.GotoAsync(deploymentUrl);
        await op.ClickAsync("text=End deployment now");
        await Expect(op.Locator("#status")).ToHaveTextAsync("Ended");
        var workers = server.App.Services.GetRequiredService<CameraWorkerService>();
        for (var until = DateTime.UtcNow.AddSeconds(20); workers.RunningCameras.Contains(cameraId) && DateTime.UtcNow < until;) await Task.Delay(200);
        Assert.DoesNotContain(cameraId, workers.RunningCameras);
        await console.ReloadAsync();
        var pending = console.Locator("#alerts .alert-card.pending");
        while (await pending.CountAsync() > 0)
        {
            var other = console.Locator($"[data-id='{await pending.First.GetAttributeAsync("data-id")}']");
            await other.Locator("button[value=Engage]").ClickAsync();
            await other.Locator("select").SelectOptionAsync("NotLocated");
            await other.Locator("text=Record outcome").ClickAsync();
            await Expect(other.Locator(".decision")).ToContainTextAsync("Not located");
        }

        // The figures, from the data: every alert was about the person sought; one arrest; no false alert.
        var (alerts, facesSeen, subjects) = await StoredAsync(deploymentId);
        output.WriteLine($"alerts {alerts}, faces seen {facesSeen}; alerts were for: {string.Join(", ", subjects)}");
        Assert.All(subjects, s => Assert.Equal("W001", s));
        Assert.True(facesSeen >= 1, "no face was counted");
        await supt.GotoAsync(deploymentUrl + "/review");
        await ExpectFigureAsync(supt, "faces-seen", facesSeen.ToString("N0", CultureInfo.InvariantCulture));
        await ExpectFigureAsync(supt, "alerts", alerts.ToString(CultureInfo.InvariantCulture));
        await ExpectFigureAsync(supt, "true-alerts", "1");
        await ExpectFigureAsync(supt, "false-alerts", "0");
        await ExpectFigureAsync(supt, "engagements", alerts.ToString(CultureInfo.InvariantCulture));
        await ExpectFigureAsync(supt, "arrests", "1");
        await ExpectFigureAsync(supt, "false-alert-rate", $"0 false alerts in {facesSeen.ToString("N0", CultureInfo.InvariantCulture)} faces");
        await supt.FillAsync("#conclusions", "The person sought was located and arrested; no false alerts.");
        await supt.ClickAsync("text=Complete the review");
        await Expect(supt.Locator("#figures-heading")).ToContainTextAsync("frozen at review");
        await BrowserServer.ScreenshotAsync(supt, "live-05-review");

        var anonymous = await server.NewPageAsync();
        await anonymous.GotoAsync("/transparency");
        var row = anonymous.Locator("#deployments tbody tr", new() { HasText = Place });
        await Expect(row).ToHaveCountAsync(1);
        var cells = await row.Locator("td").AllInnerTextsAsync();
        var n = alerts.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(["2", facesSeen.ToString("N0", CultureInfo.InvariantCulture), n, "1", "0", n, "1"], cells.Skip(3).Take(7).ToArray());
        await BrowserServer.ScreenshotAsync(anonymous, "live-06-transparency");
        output.WriteLine($"scenario {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task FillProvenanceAsync(IPage page)
    {
        await page.FillAsync("#legalBasis", "PACE custody image");
        await page.FillAsync("#source", "Custody system");
        await page.FillAsync("#dateTaken", DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static async Task AddSubjectAsync(IPage page, string reference, string name, string categoryLabel)
    {
        await page.FillAsync("#Reference", reference);
        await page.FillAsync("#DisplayName", name);
        await page.SelectOptionAsync("#Category", new SelectOptionValue { Label = categoryLabel });
        await page.SelectOptionAsync("#Urgency", "Arrest");
        await page.FillAsync("#DateOfBirth", "1980-02-03");
        await page.ClickAsync("#add-heading ~ form button[type=submit]");
        await Expect(page.Locator($"#subjects tr[data-reference='{reference}']")).ToBeVisibleAsync();
    }

    private static Task ExpectFigureAsync(IPage page, string figure, string value) =>
        Expect(page.Locator($"[data-figure='{figure}']")).ToHaveTextAsync(value);

    private async Task<Guid> CameraIdAsync(Guid deploymentId)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LfrDbContext>();
        return (await db.Deployments.AsNoTracking().Include(d => d.Cameras).SingleAsync(d => d.Id == deploymentId)).Cameras[0].CameraId;
    }

    /// <summary>What the database holds for the deployment: alerts, faces seen and the reference of each alert's subject.</summary>
    private async Task<(int Alerts, long FacesSeen, List<string> Subjects)> StoredAsync(Guid deploymentId)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LfrDbContext>();
        var rows = await (from a in db.Alerts.AsNoTracking()
                          join s in db.Subjects.AsNoTracking() on a.SubjectId equals s.Id
                          where a.DeploymentId == deploymentId
                          select new { s.Reference, a.Score, a.TrackId }).ToListAsync();
        foreach (var r in rows) output.WriteLine($"alert: {r.Reference} score {r.Score:0.0000} track {r.TrackId}");
        var subjects = rows.Select(r => r.Reference).ToList();
        var d = await db.Deployments.AsNoTracking().SingleAsync(x => x.Id == deploymentId);
        return (subjects.Count, d.FacesSeen, subjects);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
