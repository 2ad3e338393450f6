using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Retention;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Retention;

/// <summary>Retention on schedule with a controllable clock, on both databases.</summary>
public sealed class RetentionTests
{
    [RequiresSharedDataTheory("datasets/lfw")]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Watchlist_biometrics_and_old_alerts_are_deleted_on_schedule_and_recorded(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        var enrolled = await s.EnrolAsync(watchlistId, subjectId, ("a.jpg", Scenario.Face(0)), ("b.jpg", Scenario.Face(1)));
        var imageId = enrolled.GetProperty("images")[0].GetProperty("imageId").GetGuid();
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddMinutes(1), TimeSpan.FromHours(5)), HttpStatusCode.Created);
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/authorise", new { rank = "Superintendent" });
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/activate", new { signageConfirmed = true });
        var sink = factory.Service<IAlertRecorder>();
        var kept = await sink.RaiseAsync(new AlertCandidate(d.Id, s.CameraId, "t1", subjectId, imageId, 0.99, s.Now, Scenario.Face(2), Scenario.Face(3)));
        var expiring = await sink.RaiseAsync(new AlertCandidate(d.Id, s.CameraId, "t2", subjectId, imageId, 0.995, s.Now, Scenario.Face(4), Scenario.Face(5)));
        await s.Operator.PostAsync<System.Text.Json.JsonElement>($"/api/alerts/{kept}/evidence", new { reason = "Needed for the prosecution of case 123." });
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/end", new { reason = "Operation complete." });

        // 30 minutes after the end nothing is due (policy: destroy 1 hour after the end).
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(new RetentionReport(0, 0, 0), await SweepAsync(factory));

        // One hour after: images and templates destroyed, subject records kept, every deletion recorded.
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(new RetentionReport(1, 2, 0), await SweepAsync(factory));
        await using (var db = factory.OpenDb())
        {
            Assert.All(await db.SubjectImages.ToListAsync(), i => Assert.True(i.EncryptedImage is null && i.EncryptedTemplate is null && i.DestroyedAtUtc is not null));
            Assert.Equal("W-001", (await db.Subjects.SingleAsync()).Reference);
            Assert.Equal(2, await db.DeletionRecords.CountAsync(r => r.Kind == "watchlist-image"));
            Assert.Equal(2, await db.DeletionRecords.CountAsync(r => r.Kind == "watchlist-template"));
        }
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<WatchlistTemplateSource>().LoadAsync(watchlistId));
        var view = await (await factory.SignInAsync("manager", Scenario.Password)).Http.GetAsync($"/api/watchlist-images/{imageId}");
        Assert.Contains("destroyed", (await ApiClient.ProblemAsync(view, HttpStatusCode.NotFound)).GetProperty("title").GetString());

        // 31 days after the alerts: the one not marked as evidence is deleted.
        factory.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(new RetentionReport(0, 0, 1), await SweepAsync(factory));
        await using (var db = factory.OpenDb())
        {
            Assert.Equal(kept, (await db.Alerts.SingleAsync()).Id);
            var record = await db.DeletionRecords.SingleAsync(r => r.Kind == "alert");
            Assert.Equal(expiring.ToString(), record.EntityId);
            Assert.Equal("system:retention", record.DeletedBy);
            Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Action == "watchlist-image.destroyed" || e.Action == "watchlist.biometrics-destroyed" || e.Action == "alert.deleted"));
            Assert.True((await AuditVerifier.VerifyAsync(db)).Valid);
        }
        var deletions = await (await factory.SignInAsync("auditor", Scenario.Password)).GetAsync<List<DeletionRecord>>("/api/retention/deletions");
        Assert.Equal(5, deletions.Count);
    }

    private static async Task<RetentionReport> SweepAsync(LfrFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionSweeper>().SweepAsync();
    }
}
