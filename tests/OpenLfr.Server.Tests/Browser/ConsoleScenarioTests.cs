using OpenLfr.Vision.Embedding;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// The whole job in a real browser: plan, authorise and activate a deployment, enrol its watchlist, see
/// possible matches arrive live, adjudicate them, end and review the deployment, and read the public figures.
/// Alerts enter through the Core's alert sink port (the live camera pipeline is another issue's work),
/// exactly as the pipeline will raise them; everything after that is the real server and browser.
/// </summary>
public sealed class ConsoleScenarioTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Place = "Kings Cross station, north concourse";

    [RequiresChromiumFact]
    public async Task Unauthenticated_visitors_reach_only_the_public_page()
    {
        var page = await server.NewPageAsync();
        foreach (var path in new[] { "/console", "/deployments", "/deployments/new", $"/deployments/{Guid.NewGuid()}/edit", "/watchlists", "/cameras", "/audit",
                     $"/console/live/{Guid.NewGuid()}", $"/console/alerts/{Guid.NewGuid()}" })
        {
            await page.GotoAsync(path);
            Assert.True(page.Url.Contains("/login?returnUrl=", StringComparison.Ordinal), $"{path} was not sent to the sign-in page but to {page.Url}");
        }
        var response = await page.GotoAsync("/transparency");
        Assert.Equal(200, response!.Status);
        // The first Tab reaches the skip link; Enter moves the focus to the content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("a.skip")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main")).ToBeFocusedAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Live facial recognition");
        Assert.Equal(200, (await page.APIRequest.GetAsync("/transparency.csv")).Status);
        Assert.Equal(200, (await page.APIRequest.GetAsync("/transparency.json")).Status);
        foreach (var url in new[] { $"/console/alerts/{Guid.NewGuid()}/probe.jpg", $"/console/watchlist-images/{Guid.NewGuid()}.jpg", "/api/deployments" })
            Assert.Equal(401, (await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 })).Status);

        // With an evaluation report published, the accuracy and equitability figures appear.
        var report = Path.Combine(server.DataDirectory, "evaluation.json");
        try
        {
            File.WriteAllText(report, """
                { "dataset": "lfw", "model": "mobilefacenet", "gallery": 1680, "mated": 7484, "nonmated": 11543, "rank1": 0.95,
                  "fnir_at_fpir": { "0.01": { "threshold": 0.33, "fnir": 0.05, "fpir": 0.0099, "resolved": true },
                                    "0.001": { "threshold": 0.41, "fnir": 0.08, "fpir": 0.00095, "resolved": true } },
                  "operating_fpir": 0.001, "operating_threshold": 0.41,
                  "groups": { "female": { "fpir": 0.0008, "fnir": 0.09, "n_mated": 1500, "n_nonmated": 3000 },
                              "male": { "fpir": 0.0010, "fnir": 0.07, "n_mated": 6000, "n_nonmated": 8500 } },
                  "group_ratio": { "fpir": 1.25, "fnir": 1.29 },
                  "thresholds_by_gallery_size": { "gallery": 1680, "sizes": [
                    { "gallery_size": 10, "extrapolated": false, "at_fpir": { "0.001": { "threshold": 0.31, "fnir": 0.02, "resolved": true } } },
                    { "gallery_size": 1680, "extrapolated": false, "at_fpir": { "0.001": { "threshold": 0.41, "fnir": 0.08, "resolved": true } } },
                    { "gallery_size": 10000, "extrapolated": true, "at_fpir": { "0.001": { "threshold": 0.45, "fnir": 0.12, "resolved": true } } },
                    { "gallery_size": 20000, "extrapolated": true, "at_fpir": { "0.001": { "resolved": false } } } ] } }
                """);
            await page.GotoAsync("/transparency");
            await Expect(page.Locator("#by-size-table tbody tr")).ToHaveCountAsync(3);
            await Expect(page.Locator("#by-size-table")).ToContainTextAsync("extrapolated");
            await Expect(page.Locator("#accuracy-table tbody tr")).ToHaveCountAsync(2);
            await Expect(page.Locator("#accuracy-table")).ToContainTextAsync("92.0%");
            await Expect(page.Locator("#equitability-table")).ToContainTextAsync("female");
            await Expect(page.Locator("#accuracy ~ p").Last).ToContainTextAsync("×1.25");
            await BrowserServer.ScreenshotAsync(page, "11-transparency-with-evaluation");
        }
        finally
        {
            File.Delete(report);
        }
    }

    [RequiresChromiumFact]
    public async Task Deployment_from_plan_to_public_figures_with_live_alerts()
    {
        try
        {
            await RunScenarioAsync();
        }
        catch
        {
            // Leave a picture of every open page for whoever reads the failure.
            var i = 0;
            foreach (var context in server.Browser.Contexts)
                foreach (var p in context.Pages)
                    await BrowserServer.ScreenshotAsync(p, $"failure-{i++}", check: false);
            throw;
        }
    }

    private async Task RunScenarioAsync()
    {
        // Unauthenticated: the console sends people to the sign-in page.
        var anonymous = await server.NewPageAsync();
        await anonymous.GotoAsync("/console");
        Assert.Contains("/login", anonymous.Url);
        await BrowserServer.ScreenshotAsync(anonymous, "01-login");

        // The administrator registers a camera.
        var admin = await server.SignInAsync("admin");
        await admin.GotoAsync("/cameras");
        await admin.FillAsync("#Name", "Camera A");
        await admin.FillAsync("#Source", "/srv/video/walk-past.mp4");
        await admin.ClickAsync("form.card button[type=submit]");
        await Expect(admin.Locator("table")).ToContainTextAsync("Camera A");
        await BrowserServer.ScreenshotAsync(admin, "02-cameras");

        // The watchlist manager builds the watchlist and enrols photos named by reference.
        var planner = await server.SignInAsync("planner");
        await planner.GotoAsync("/watchlists");
        await planner.FillAsync("#Name", "Op Lantern watchlist");
        await planner.FillAsync("#IntelligenceCase", "Robbery suspects seen at the north concourse on Friday evenings.");
        await planner.ClickAsync("form.card button[type=submit]");
        await planner.WaitForURLAsync("**/watchlists/*");
        var watchlistUrl = planner.Url;
        await AddSubjectAsync(planner, "W001", "Alex Example", "WantedByCourts", "Immediate");
        await AddSubjectAsync(planner, "W002", "Sam Sample", "SuspectedOfOffence", "Arrest");
        await Expect(planner.Locator("#subjects tr[data-reference='W001']")).ToContainTextAsync("Red: immediate");
        await FillProvenanceAsync(planner);
        await planner.SetInputFilesAsync("#files",
        [
            new FilePayload { Name = "W001.jpg", MimeType = "image/jpeg", Buffer = TestImages.Face(0) },
            new FilePayload { Name = "W002_1.jpg", MimeType = "image/jpeg", Buffer = TestImages.Face(1) },
            new FilePayload { Name = "W002_2.jpg", MimeType = "image/jpeg", Buffer = TestImages.Face(1)[..1500] },
            new FilePayload { Name = "W999.jpg", MimeType = "image/jpeg", Buffer = TestImages.Face(2) },
        ]);
        await planner.ClickAsync("#enrol-form button[type=submit]");
        var verdicts = planner.Locator("#verdicts tbody tr");
        await Expect(verdicts).ToHaveCountAsync(4);
        await Expect(planner.Locator("#verdicts")).ToContainTextAsync("No subject on this watchlist has the reference 'W999'");
        Assert.Equal(2, await planner.Locator("#verdicts .verdict.accepted").CountAsync());
        await BrowserServer.ScreenshotAsync(planner, "03-watchlist-enrolment");

        // The same photo enrolled for another subject is flagged as a likely duplicate.
        await AddSubjectAsync(planner, "W003", "Jo Duplicate", "BailOrCourtConditions", "IntelligenceOnly");
        await FillProvenanceAsync(planner);
        // This time by drag and drop, as a browser delivers dropped files.
        await planner.EvaluateAsync(@"([name, base64]) => {
            const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
            const data = new DataTransfer();
            data.items.add(new File([bytes], name, { type: 'image/jpeg' }));
            document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }", new[] { "W003.jpg", Convert.ToBase64String(TestImages.Face(0)) });
        await Expect(planner.Locator("#dropzone")).ToContainTextAsync("1 file(s) ready: W003.jpg");
        await planner.ClickAsync("#enrol-form button[type=submit]");
        await Expect(planner.Locator("#enrol-results")).ToContainTextAsync("Possible duplicate: W003 looks like W001");
        await planner.ReloadAsync();
        await Expect(planner.Locator("#duplicate-warnings")).ToContainTextAsync("W003");

        // Planning: the governance record.
        await planner.GotoAsync("/deployments/new");
        await planner.FillAsync("#Name", "Op Lantern");
        await planner.FillAsync("#Place", "Kings Cross station");
        await planner.FillAsync("#PlaceJustification", "Three of the people sought were seen here on Friday evenings in the last month.");
        await planner.FillAsync("#Purpose", "Locate people wanted for robbery.");
        await planner.FillAsync("#Necessity", "Patrols and CCTV review over four weeks did not locate them.");
        await planner.FillAsync("#Proportionality", "Five hours, one signposted entrance, watchlist of three.");
        await planner.FillAsync("#DpiaReference", "DPIA-LFR-2026-07");
        await planner.FillAsync("#AppropriatePolicyDocumentReference", "APD-SC-2026-03");
        await planner.CheckAsync("#StandaloneConfirmed");
        await planner.SelectOptionAsync("#WatchlistId", new SelectOptionValue { Label = "Op Lantern watchlist (3 subjects)" });
        await planner.CheckAsync("input[name=CameraIds]");
        var now = DateTime.UtcNow;
        await planner.FillAsync("#StartsAtUtc", now.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm"));
        await planner.FillAsync("#EndsAtUtc", now.AddHours(3).ToString("yyyy-MM-ddTHH:mm"));
        // The page offers the server embedder's calibrated default threshold (FPIR 1 in 1,000); keep it.
        var offered = ((double)(decimal)EmbedderSpec.Get(EmbedderSpec.DefaultId).DefaultThreshold).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(offered, await planner.InputValueAsync("#Threshold"));
        await planner.ClickAsync("form.card button[type=submit]");
        await planner.WaitForURLAsync("**/deployments/*");
        var deploymentUrl = planner.Url;
        await Expect(planner.Locator("#status")).ToHaveTextAsync("Draft");
        await Expect(planner.Locator("#cannot-authorise")).ToBeVisibleAsync();
        await BrowserServer.ScreenshotAsync(planner, "04-deployment-draft");

        // The draft is edited before authorisation: the place is narrowed, the rest of the record kept.
        await planner.ClickAsync("#edit-draft");
        await ExpectUrlAsync(planner, "/edit");
        await Expect(planner.Locator("#Place")).ToHaveValueAsync("Kings Cross station");
        await Expect(planner.Locator("#WatchlistId option:checked")).ToHaveTextAsync("Op Lantern watchlist (3 subjects)");
        Assert.True(await planner.Locator("input[name=CameraIds]").IsCheckedAsync(), "the draft's camera is not ticked");
        await Expect(planner.Locator("#Threshold")).ToHaveValueAsync(offered);
        await Expect(planner.Locator("#DpiaReference")).ToHaveValueAsync("DPIA-LFR-2026-07");
        Assert.True(await planner.Locator("#StandaloneConfirmed").IsCheckedAsync(), "the standalone confirmation was not kept");
        await planner.FillAsync("#Place", Place);
        await BrowserServer.ScreenshotAsync(planner, "04b-deployment-edit");
        await planner.ClickAsync("#deployment-form button[type=submit]");
        await ExpectUrlAsync(planner, deploymentUrl);
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Draft updated");
        await Expect(planner.Locator("#before-heading ~ dl")).ToContainTextAsync(Place);
        await Expect(planner.Locator("#dpia-reference")).ToHaveTextAsync("DPIA-LFR-2026-07");
        await Expect(planner.Locator("#policy-document-reference")).ToHaveTextAsync("APD-SC-2026-03");
        await Expect(planner.Locator("#standalone")).ToContainTextAsync("not linked to CCTV");
        await Expect(planner.Locator("#status")).ToHaveTextAsync("Draft");

        // An operator cannot authorise: no form, and a forged post is refused. Nor can they edit the draft.
        var op = await server.SignInAsync("operator");
        await op.GotoAsync(deploymentUrl);
        Assert.Equal(0, await op.Locator("#edit-draft").CountAsync());
        await op.GotoAsync(deploymentUrl + "/edit");
        Assert.Contains("/denied", op.Url);
        await op.GotoAsync(deploymentUrl);
        await Expect(op.Locator("#cannot-authorise")).ToContainTextAsync("Only an authorising officer");
        Assert.Equal(0, await op.Locator("form[action*=Authorise]").CountAsync());
        Assert.Equal(403, await PostWithPageTokenAsync(op, deploymentUrl + "?handler=Authorise", "rank=Constable"));
        await op.ReloadAsync();
        await Expect(op.Locator("#status")).ToHaveTextAsync("Draft");

        // The authorising officer (not the planner) authorises.
        var supt = await server.SignInAsync("supt");
        await supt.GotoAsync(deploymentUrl);
        await Expect(supt.Locator("#rank")).ToHaveValueAsync("Superintendent");
        await supt.FillAsync("#notes", "Watchlist criteria approved.");
        await supt.ClickAsync("text=Authorise deployment");
        await Expect(supt.Locator("#status")).ToHaveTextAsync("Authorised");
        await BrowserServer.ScreenshotAsync(supt, "05-deployment-authorised");

        // Once authorised the record is fixed: no edit link, and the edit page sends the planner back with the reason.
        await planner.GotoAsync(deploymentUrl);
        Assert.Equal(0, await planner.Locator("#edit-draft").CountAsync());
        await planner.GotoAsync(deploymentUrl + "/edit");
        await ExpectUrlAsync(planner, deploymentUrl);
        await Expect(planner.Locator("p.error")).ToContainTextAsync("only a draft can be changed");

        // The operator confirms signage and activates.
        await op.GotoAsync(deploymentUrl);
        await op.CheckAsync("#signage");
        await op.ClickAsync("#activate-heading ~ form button[type=submit]");
        await Expect(op.Locator("#status")).ToHaveTextAsync("Active");

        // The camera runs (its tile is pushed live) and its live view shows the latest blurred frame.
        var cameraId = await CameraIdAsync(Guid.Parse(deploymentUrl.Split('/').Last()));
        await op.GotoAsync($"/console/live/{cameraId}");
        await Expect(op.Locator("#live-status")).ToContainTextAsync("No live frame");
        await server.Cameras.RunAsync(cameraId, "Camera A", TestImages.Face(3), fps: 12.5, dropped: 4);
        await Expect(op.Locator("#live-frame")).ToBeVisibleAsync();
        await Expect(op.Locator("#live-status")).ToContainTextAsync("Frame captured");
        await BrowserServer.ScreenshotAsync(op, "06a-live-view");

        // The console: alerts arrive without reloading.
        await op.GotoAsync("/console");
        await Expect(op.Locator($"[data-camera='{cameraId}']")).ToContainTextAsync("12.5 in, 12 processed");
        await Expect(op.Locator($"[data-camera='{cameraId}'] .state")).ToHaveTextAsync("running");
        await Expect(op.Locator("#connection")).ToHaveTextAsync("Live feed connected");
        await op.EvaluateAsync("window.__notReloaded = true");
        var ids = await RaiseAlertsAsync(Guid.Parse(deploymentUrl.Split('/').Last()), ("W001", 0.995), ("W002", WeakScore));
        var first = op.Locator($"[data-id='{ids[0]}']");
        var second = op.Locator($"[data-id='{ids[1]}']");
        await Expect(first).ToBeVisibleAsync();
        await Expect(second).ToBeVisibleAsync();
        Assert.True(await op.EvaluateAsync<bool>("window.__notReloaded === true"), "the page reloaded");
        await Expect(first).ToContainTextAsync("Possible match");
        await Expect(first).ToContainTextAsync("Wanted by the courts");
        await Expect(first).ToContainTextAsync("Camera A");
        // Triage: the red (immediate) alert stays at the top although the amber one arrived after it; the urgency is in words, not colour alone.
        await Expect(first.Locator(".urgency-label")).ToHaveTextAsync("Red: immediate");
        await Expect(first.Locator(".urgency-action")).ToContainTextAsync("Act now");
        await Expect(second.Locator(".urgency-label")).ToHaveTextAsync("Amber: arrest");
        await Expect(op.Locator("#alerts .alert-card").First).ToHaveAttributeAsync("data-id", ids[0].ToString());
        await Expect(op.Locator("#alerts .alert-card").Nth(1)).ToHaveAttributeAsync("data-id", ids[1].ToString());
        await Expect(second).ToContainTextAsync("weak possible match");
        Assert.DoesNotContain("identified", (await op.Locator("#alerts").InnerTextAsync()).ToLowerInvariant());
        await Expect(op.Locator("#announcer")).ToContainTextAsync("New possible match");
        await Expect(op.Locator("#pending-count")).ToHaveTextAsync("2");
        await Expect(first.Locator("img").First).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await first.Locator("img").First.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the probe crop did not load");
        await BrowserServer.ScreenshotAsync(op, "06-console-live-alerts");

        // An auditor reads the queue but cannot adjudicate.
        var auditor = await server.SignInAsync("auditor");
        await auditor.GotoAsync("/console");
        await Expect(auditor.Locator($"[data-id='{ids[0]}']")).ToBeVisibleAsync();
        Assert.Equal(0, await auditor.Locator("form.decide").CountAsync());
        Assert.Equal(403, await PostWithPageTokenAsync(auditor, "/console?handler=Adjudicate", $"id={ids[0]}&decision=NoMatch"));

        // One click to decide; the engagement's outcome is captured on the same card.
        await first.Locator("button[value=Engage]").ClickAsync();
        await Expect(first.Locator("form.outcome")).ToBeVisibleAsync();
        await first.Locator("select").SelectOptionAsync("ConfirmedSubject");
        await first.Locator("input[type=checkbox]").CheckAsync();
        await first.Locator("text=Record outcome").ClickAsync();
        await Expect(first.Locator(".decision")).ToContainTextAsync("Confirmed: the person sought, arrested");
        // The second by keyboard: from the notes field, Tab reaches "No match" and Enter presses it.
        await second.Locator("input[name=notes]").FocusAsync();
        await op.Keyboard.PressAsync("Tab");
        await Expect(second.Locator("button[value=NoMatch]")).ToBeFocusedAsync();
        await op.Keyboard.PressAsync("Enter");
        await Expect(second.Locator(".decision")).ToContainTextAsync("Judged no match by operator");
        await Expect(op.Locator("#pending-count")).ToHaveTextAsync("0");
        // The other screen got the decisions pushed too.
        await Expect(auditor.Locator($"[data-id='{ids[1]}'] .decision")).ToContainTextAsync("Judged no match");

        // The engaged alert is needed for proceedings: kept as evidence from its page. An auditor reads it but cannot mark it.
        await auditor.GotoAsync($"/console/alerts/{ids[0]}");
        await Expect(auditor.Locator("#evidence-state")).ToContainTextAsync("unless kept as evidence");
        Assert.Equal(0, await auditor.Locator("form[action*=Evidence]").CountAsync());
        Assert.Equal(0, await auditor.Locator(".faces img").CountAsync());
        Assert.Equal(403, await PostWithPageTokenAsync(auditor, $"/console/alerts/{ids[0]}?handler=Evidence", "Reason=forged"));
        await first.Locator("a.more").ClickAsync();
        await ExpectUrlAsync(op, $"/console/alerts/{ids[0]}");
        await Expect(op.Locator("#decision")).ToContainTextAsync("confirmed, the person sought, arrested");
        await op.ClickAsync("form[action*=Evidence] button[type=submit]");
        Assert.Equal(1, await op.Locator("#Reason:invalid").CountAsync()); // a reason is required before the form is sent
        await op.FillAsync("#Reason", "Arrest of W001: custody record CR-1234, needed for the bail hearing.");
        await op.ClickAsync("form[action*=Evidence] button[type=submit]");
        await Expect(op.Locator("#evidence-state")).ToContainTextAsync("Kept as evidence by operator");
        await Expect(op.Locator("#evidence-state")).ToContainTextAsync("CR-1234");
        Assert.Equal(0, await op.Locator("form[action*=Evidence]").CountAsync());
        await BrowserServer.ScreenshotAsync(op, "07a-alert-evidence");
        await auditor.ReloadAsync();
        await Expect(auditor.Locator("#evidence-state")).ToContainTextAsync("Kept as evidence by operator");

        // Phone-size screen for engagement officers.
        var phone = await server.SignInAsync("operator", 390, 844);
        await phone.GotoAsync("/console");
        await Expect(phone.Locator($"[data-id='{ids[0]}']")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the console scrolls sideways on a phone");
        await BrowserServer.ScreenshotAsync(phone, "07-console-phone");
        await phone.GotoAsync($"/console/alerts/{ids[0]}");
        await Expect(phone.Locator("#evidence-state")).ToContainTextAsync("Kept as evidence");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the alert page scrolls sideways on a phone");
        await BrowserServer.ScreenshotAsync(phone, "07b-alert-phone");

        // End, then review with the figures from the data.
        await op.GotoAsync(deploymentUrl);
        await op.ClickAsync("text=End deployment now");
        await Expect(op.Locator("#status")).ToHaveTextAsync("Ended");
        await supt.GotoAsync(deploymentUrl + "/review");
        await ExpectFigureAsync(supt, "faces-seen", "1,500");
        await ExpectFigureAsync(supt, "alerts", "2");
        await ExpectFigureAsync(supt, "true-alerts", "1");
        await ExpectFigureAsync(supt, "false-alerts", "1");
        await ExpectFigureAsync(supt, "engagements", "1");
        await ExpectFigureAsync(supt, "arrests", "1");
        await ExpectFigureAsync(supt, "false-alert-rate", "1 in 1,500 faces (0.00067)");
        await ExpectFigureAsync(supt, "alerts-immediate", "1");
        await ExpectFigureAsync(supt, "alerts-arrest", "1");
        await ExpectFigureAsync(supt, "alerts-intelligence-only", "0");
        await Expect(supt.Locator("#documents")).ToContainTextAsync("DPIA-LFR-2026-07");
        await supt.FillAsync("#conclusions", "One arrest; one false alert in 1,500 faces. Proportionate; repeat with the same threshold.");
        await supt.ClickAsync("text=Complete the review");
        await Expect(supt.Locator("#conclusions")).ToContainTextAsync("One arrest");
        await Expect(supt.Locator("#figures-heading")).ToContainTextAsync("frozen at review");
        await BrowserServer.ScreenshotAsync(supt, "08-review");

        // The public page: no sign-in, one row, exports.
        await anonymous.GotoAsync("/transparency");
        var row = anonymous.Locator("#deployments tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(Place);
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["3", "1,500", "2", "1", "1", "1", "1"], cells.Skip(3).Take(7).ToArray());
        await Expect(anonymous.Locator("#evaluation-missing")).ToContainTextAsync("Not yet measured");
        await BrowserServer.ScreenshotAsync(anonymous, "09-transparency");
        var csv = await anonymous.APIRequest.GetAsync("/transparency.csv");
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(",3,1500,2,1,1,1,1,true", lines[1]);
        var json = await anonymous.APIRequest.GetAsync("/transparency.json");
        Assert.Contains("\"arrests\": 1", await json.TextAsync());

        // The auditor's view of the log: the chain verifies and the decisions are there.
        await auditor.GotoAsync("/audit?Action=alert.");
        await Expect(auditor.Locator("#chain-result")).ToContainTextAsync("Intact");
        await Expect(auditor.Locator("#audit-entries")).ToContainTextAsync("alert.adjudicated");
        await Expect(auditor.Locator("#audit-entries")).ToContainTextAsync("alert.outcome-recorded");
        await Expect(auditor.Locator("#audit-entries")).ToContainTextAsync("alert.marked-evidence");
        await BrowserServer.ScreenshotAsync(auditor, "10-audit");
    }

    private static async Task FillProvenanceAsync(IPage page)
    {
        await page.FillAsync("#legalBasis", "PACE custody image");
        await page.FillAsync("#source", "Custody system");
        await page.FillAsync("#dateTaken", DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd"));
    }

    private static async Task AddSubjectAsync(IPage page, string reference, string name, string category, string urgency)
    {
        await page.FillAsync("#Reference", reference);
        await page.FillAsync("#DisplayName", name);
        await page.SelectOptionAsync("#Category", category);
        await page.SelectOptionAsync("#Urgency", urgency);
        await page.FillAsync("#DateOfBirth", "1985-04-12");
        await page.ClickAsync("#add-heading ~ form button[type=submit]");
        await Expect(page.Locator($"#subjects tr[data-reference='{reference}']")).ToBeVisibleAsync();
    }

    /// <summary>Posts a form with the antiforgery token of the current page (as a forged button would) and returns the final status.</summary>
    internal static Task<int> PostWithPageTokenAsync(IPage page, string url, string body) =>
        page.EvaluateAsync<int>(@"async ([url, body]) => {
            const token = document.querySelector('input[name=__RequestVerificationToken]').value;
            const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body + '&__RequestVerificationToken=' + encodeURIComponent(token) });
            return r.status; }", new[] { url, body });

    private static Task ExpectFigureAsync(IPage page, string figure, string value) =>
        Expect(page.Locator($"[data-figure='{figure}']")).ToHaveTextAsync(value);

    /// <summary>Just above the live alert threshold of the default deployment threshold: a "weak" possible match on any calibration.</summary>
    private static double WeakScore => OpenLfr.Core.Live.LiveDefaults.AlertThreshold(EmbedderSpec.DefaultId, (double)(decimal)EmbedderSpec.Get(EmbedderSpec.DefaultId).DefaultThreshold) + 0.005;

    /// <summary>Raises possible matches through the Core's alert sink, as the live pipeline does, after reporting 1,500 faces seen.</summary>
    private async Task<Guid[]> RaiseAlertsAsync(Guid deploymentId, params (string Reference, double Score)[] alerts)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LfrDbContext>();
        var deployment = await db.Deployments.AsNoTracking().Include(d => d.Cameras).SingleAsync(d => d.Id == deploymentId);
        await scope.ServiceProvider.GetRequiredService<CameraProcessingGate>().AddFacesSeenAsync(deploymentId, deployment.Cameras[0].CameraId, 1500);
        var sink = server.App.Services.GetRequiredService<IAlertRecorder>();
        var ids = new List<Guid>();
        foreach (var (reference, score) in alerts)
        {
            var subject = await db.Subjects.AsNoTracking().Include(s => s.Images).SingleAsync(s => s.WatchlistId == deployment.WatchlistId && s.Reference == reference);
            var probe = TestImages.Face(reference == "W001" ? 0 : 1);
            ids.Add(await sink.RaiseAsync(new AlertCandidate(deploymentId, deployment.Cameras[0].CameraId, "track-" + reference, subject.Id,
                subject.Images[0].Id, score, DateTime.UtcNow, probe, probe)));
        }
        return [.. ids];
    }

    private async Task<Guid> CameraIdAsync(Guid deploymentId)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LfrDbContext>();
        return (await db.Deployments.AsNoTracking().Include(d => d.Cameras).SingleAsync(d => d.Id == deploymentId)).Cameras[0].CameraId;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>Waits (polling) until the page's address ends with <paramref name="suffix"/>; unlike WaitForURL it does not depend on catching the load event.</summary>
    private static Task ExpectUrlAsync(IPage page, string suffix) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(suffix) + "$"));
}
