using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.Tests.Browser;
using OpenLfr.Server.Tests.Infrastructure;

namespace OpenLfr.Server.Tests.Audit;

/// <summary>
/// Every way data leaves the server writes an audit entry saying who took what and when: images (API and console),
/// the audit log, the deletion records, the transparency exports when signed in. Anonymous downloads of the public
/// transparency figures are the one exception (as views of the public page are).
/// </summary>
public sealed class ExportAuditTests
{
    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Every_export_and_download_is_audited_with_who_and_what(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        var imageId = (await s.EnrolAsync(watchlistId, subjectId, ("a.jpg", TestImages.Face(0)))).GetProperty("images")[0].GetProperty("imageId").GetGuid();
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddMinutes(1), TimeSpan.FromHours(1)), HttpStatusCode.Created);
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/authorise", new { rank = "Superintendent" });
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/activate", new { signageConfirmed = true });
        var alertId = await factory.Service<IAlertRecorder>().RaiseAsync(new AlertCandidate(d.Id, s.CameraId, "t1", subjectId, imageId, 0.99, s.Now, TestImages.Face(1), TestImages.Face(2)));

        var downloads = new (ApiClient Client, string Who, string Url, string Action, string EntityId)[]
        {
            (s.Operator, "operator", $"/api/alerts/{alertId}/probe", "alert-image.viewed", alertId.ToString()),
            (s.Operator, "operator", $"/api/alerts/{alertId}/thumbnail", "alert-image.viewed", alertId.ToString()),
            (s.Operator, "operator", $"/console/alerts/{alertId}/probe.jpg", "alert-image.viewed", alertId.ToString()),
            (s.Operator, "operator", $"/console/alerts/{alertId}/frame.jpg", "alert-image.viewed", alertId.ToString()),
            (s.Manager, "manager", $"/api/watchlist-images/{imageId}", "watchlist-image.viewed", imageId.ToString()),
            (s.Manager, "manager", $"/console/watchlist-images/{imageId}.jpg", "watchlist-image.viewed", imageId.ToString()),
            (s.Auditor, "auditor", "/api/audit?take=5", "audit.exported", "*"),
            (s.Auditor, "auditor", "/api/retention/deletions", "deletions.exported", "*"),
            (s.Officer, "officer", "/transparency.csv", "transparency.exported", "*"),
            (s.Auditor, "auditor", "/transparency.json", "transparency.exported", "*"),
        };
        foreach (var (client, who, url, action, entityId) in downloads)
        {
            var before = await LastSequenceAsync(factory);
            var response = await client.Http.GetAsync(url);
            await ApiClient.Expect(response, HttpStatusCode.OK);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, url);
            await using var db = factory.OpenDb();
            var entry = Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > before).ToListAsync());
            Assert.Equal((action, who, entityId, factory.Clock.GetUtcNow().UtcDateTime), (entry.Action, entry.ActorName, entry.EntityId, entry.TimestampUtc));
        }

        // What was exported is recorded too: the audit page's range, the transparency format.
        await using (var db = factory.OpenDb())
        {
            var exported = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "audit.exported").SingleAsync();
            Assert.Contains("\"count\":5", exported.Details);
            Assert.Contains("\"format\":\"csv\"", (await db.AuditEntries.AsNoTracking().Where(e => e.Action == "transparency.exported").OrderBy(e => e.Sequence).FirstAsync()).Details);
        }

        // Anonymous downloads of the public figures are not audited (see ConsoleEndpoints); the public page neither.
        var last = await LastSequenceAsync(factory);
        var anonymous = factory.Anonymous();
        foreach (var url in new[] { "/transparency.csv", "/transparency.json", "/transparency" })
            await ApiClient.Expect(await anonymous.Http.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(last, await LastSequenceAsync(factory));
        // ... and nobody without the role gets the audit log (refused, so nothing to record as exported).
        await ApiClient.Expect(await s.Operator.Http.GetAsync("/api/audit"), HttpStatusCode.Forbidden);
        Assert.Equal(last, await LastSequenceAsync(factory));
    }

    private static async Task<long> LastSequenceAsync(LfrFactory factory)
    {
        await using var db = factory.OpenDb();
        return await db.AuditEntries.MaxAsync(e => e.Sequence);
    }
}
