using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Retention;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Governance;

/// <summary>
/// Alert triage by urgency (red: immediate, amber: arrest, green: intelligence only), on both databases: every subject
/// has one, each alert keeps the one it was raised with, and the console's queue puts the most urgent first.
/// </summary>
public sealed partial class UrgencyTriageTests
{
    [RequiresSharedDataTheory("datasets/lfw")]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task A_subject_without_a_known_urgency_is_refused_and_nothing_is_written(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var url = $"/api/watchlists/{watchlistId}/subjects";

        var missing = await s.Manager.PostAsync(url, new { reference = "W-1", displayName = "X", category = "WantedByCourts", dateOfBirth = "1980-01-01", reviewDate = "2026-06-01" });
        var problem = await ApiClient.ProblemAsync(missing, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("urgency")[0].GetString();
        Assert.Contains("urgency is required", message);
        Assert.Contains("Immediate, Arrest, IntelligenceOnly", message);

        var unknown = await s.Manager.PostAsync(url, new { reference = "W-1", displayName = "X", category = "WantedByCourts", urgency = "Purple", dateOfBirth = "1980-01-01", reviewDate = "2026-06-01" });
        Assert.Contains("urgency", (await ApiClient.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        var outOfRange = await s.Manager.PostAsync(url, new { reference = "W-1", displayName = "X", category = "WantedByCourts", urgency = 7, dateOfBirth = "1980-01-01", reviewDate = "2026-06-01" });
        await ApiClient.ProblemAsync(outOfRange, HttpStatusCode.BadRequest);

        await using var db = factory.OpenDb();
        Assert.Equal(0, await db.Subjects.CountAsync());

        // With an urgency the subject is added, shown with it, and the audit entry records it.
        var added = await s.Manager.PostAsync<JsonElement>(url, new { reference = "W-1", displayName = "X", category = "MissingPersonAtRisk", urgency = "Immediate", dateOfBirth = "1980-01-01", reviewDate = "2026-06-01" }, HttpStatusCode.Created);
        Assert.Equal("Immediate", added.GetProperty("urgency").GetString());
        var watchlist = await s.Manager.GetAsync<JsonElement>($"/api/watchlists/{watchlistId}");
        Assert.Equal("Immediate", watchlist.GetProperty("subjects")[0].GetProperty("urgency").GetString());
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "watchlist.subject-added");
        Assert.Contains("\"urgency\":\"Immediate\"", entry.Details);
    }

    [RequiresSharedDataTheory("datasets/lfw")]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Alerts_keep_the_urgency_they_were_raised_with_and_the_queue_puts_the_most_urgent_first(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjects = new Dictionary<string, (Guid Subject, Guid Image)>();
        foreach (var (reference, urgency, face) in new[] { ("G-1", "IntelligenceOnly", 0), ("A-1", "Arrest", 1), ("R-1", "Immediate", 2) })
        {
            var subject = await s.AddSubjectAsync(watchlistId, reference, urgency: urgency);
            var report = await s.EnrolAsync(watchlistId, subject, ($"{reference}.jpg", Scenario.Face(face)));
            subjects[reference] = (subject, report.GetProperty("images")[0].GetProperty("imageId").GetGuid());
        }
        var start = s.Now.AddMinutes(1);
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, start, TimeSpan.FromHours(2)), HttpStatusCode.Created);
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/authorise", new { rank = "Superintendent" });
        factory.Clock.Set(start.AddMinutes(1));
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/activate", new { signageConfirmed = true });

        // Raised in the order green, amber, red, green again, a second apart.
        var sink = factory.Service<IAlertRecorder>();
        var raised = new List<(string Reference, Guid Id)>();
        foreach (var reference in new[] { "G-1", "A-1", "R-1", "G-1" })
        {
            var (subject, image) = subjects[reference];
            raised.Add((reference, await sink.RaiseAsync(new AlertCandidate(d.Id, s.CameraId, "track-" + raised.Count, subject, image, 0.999, s.Now, Scenario.Face(3), Scenario.Face(3)))));
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        // The API: each alert carries its urgency with the label and the expected action; it filters by urgency.
        var alerts = await s.Operator.GetAsync<List<JsonElement>>($"/api/alerts?deploymentId={d.Id}");
        Assert.Equal(4, alerts.Count);
        var red = alerts.Single(a => a.GetProperty("id").GetGuid() == raised[2].Id);
        Assert.Equal("Immediate", red.GetProperty("urgency").GetString());
        Assert.Equal("Red: immediate", red.GetProperty("urgencyLabel").GetString());
        Assert.StartsWith("Act now", red.GetProperty("urgencyAction").GetString());
        var green = await s.Operator.GetAsync<List<JsonElement>>($"/api/alerts?deploymentId={d.Id}&urgency=IntelligenceOnly");
        Assert.Equal([raised[3].Id, raised[0].Id], green.Select(a => a.GetProperty("id").GetGuid()).ToArray());
        Assert.All(green, a => Assert.Equal("Green: intelligence only", a.GetProperty("urgencyLabel").GetString()));
        await ApiClient.ProblemAsync(await s.Operator.Http.GetAsync("/api/alerts?urgency=Purple"), HttpStatusCode.BadRequest);

        // The console's queue: pending alerts most urgent first, newest first within an urgency; the text says the urgency.
        Assert.Equal([raised[2].Id, raised[1].Id, raised[3].Id, raised[0].Id], await QueueAsync(s.Operator));
        await s.Operator.PostAsync<JsonElement>($"/api/alerts/{raised[2].Id}/adjudication", new { decision = "NoMatch" });
        // A decided alert goes below every pending one.
        Assert.Equal([raised[1].Id, raised[3].Id, raised[0].Id, raised[2].Id], await QueueAsync(s.Operator));

        // History is not rewritten: changing the subject's urgency afterwards leaves the alerts as raised.
        await using (var db = factory.OpenDb())
        {
            var subject = await db.Subjects.SingleAsync(x => x.Id == subjects["R-1"].Subject);
            subject.Urgency = SubjectUrgency.IntelligenceOnly;
            await db.SaveChangesAsync();
        }
        var after = await s.Operator.GetAsync<JsonElement>($"/api/alerts/{raised[2].Id}");
        Assert.Equal("Immediate", after.GetProperty("urgency").GetString());

        // Nor by the watchlist's destruction after the deployment; the review freezes the alerts by urgency.
        factory.Clock.Set(start.AddHours(2));
        await LifecycleBackgroundService.RunOnceAsync(factory.Service<IServiceScopeFactory>(), CancellationToken.None);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await LifecycleBackgroundService.RunOnceAsync(factory.Service<IServiceScopeFactory>(), CancellationToken.None);
        await using (var db = factory.OpenDb())
            Assert.NotNull((await db.Watchlists.SingleAsync(w => w.Id == watchlistId)).BiometricsDestroyedAtUtc);
        Assert.Equal("Immediate", (await s.Operator.GetAsync<JsonElement>($"/api/alerts/{raised[2].Id}")).GetProperty("urgency").GetString());
        var reviewed = await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/review", new { conclusions = "Four alerts, one red." });
        Assert.Equal((1, 1, 2), (reviewed.ImmediateAlerts, reviewed.ArrestAlerts, reviewed.IntelligenceOnlyAlerts));
        var review = await s.Officer.Http.GetStringAsync($"/deployments/{d.Id}/review");
        Assert.Contains("data-figure=\"alerts-immediate\">1<", review);
        Assert.Contains("data-figure=\"alerts-intelligence-only\">2<", review);
    }

    /// <summary>The ids of the console's initial queue, in the order the page lists them.</summary>
    private static async Task<Guid[]> QueueAsync(ApiClient client)
    {
        var html = await client.Http.GetStringAsync("/console");
        var json = InitialAlerts().Match(html).Groups[1].Value.Replace("<\\/", "</", StringComparison.Ordinal);
        var cards = JsonSerializer.Deserialize<List<JsonElement>>(json)!;
        Assert.All(cards, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("urgencyLabel").GetString())));
        return cards.Select(c => c.GetProperty("id").GetGuid()).ToArray();
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"initial-alerts\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InitialAlerts();
}
