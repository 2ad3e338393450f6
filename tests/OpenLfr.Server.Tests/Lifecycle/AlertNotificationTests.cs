using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Lifecycle;

/// <summary>An alert is in the database before any notifier hears of it; a failing notifier loses nothing.</summary>
public sealed class AlertNotificationTests
{
    [RequiresSharedDataFact("datasets/lfw")]
    public async Task Alerts_are_stored_before_anyone_is_notified()
    {
        LfrFactory? self = null;
        var seen = new List<(AlertSummary Alert, bool Stored)>();
        using var factory = new LfrFactory(DatabaseKind.Sqlite, services: s =>
        {
            s.AddSingleton<IAlertNotifier>(new RecordingNotifier(async a =>
            {
                await using var db = self!.OpenDb();
                seen.Add((a, await db.Alerts.AnyAsync(x => x.Id == a.Id)));
            }));
            s.AddSingleton<IAlertNotifier>(new RecordingNotifier(_ => throw new InvalidOperationException("handset gateway down")));
        });
        self = factory;
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        var imageId = (await s.EnrolAsync(watchlistId, subjectId, ("a.jpg", Scenario.Face(0)))).GetProperty("images")[0].GetProperty("imageId").GetGuid();
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddMinutes(1), TimeSpan.FromHours(1)), HttpStatusCode.Created);
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/authorise", new { rank = "Superintendent" });
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/activate", new { signageConfirmed = true });

        var id = await factory.Service<IAlertRecorder>().RaiseAsync(new AlertCandidate(d.Id, s.CameraId, "t1", subjectId, imageId, 0.99, s.Now, Scenario.Face(2), Scenario.Face(3)));

        var (alert, stored) = Assert.Single(seen);
        Assert.Equal(id, alert.Id);
        Assert.True(stored);
        Assert.Equal("possible match", alert.Label);
        Assert.Equal("W-001", alert.SubjectReference);
    }

    private sealed class RecordingNotifier(Func<AlertSummary, Task> onAlert) : IAlertNotifier
    {
        public Task NotifyAsync(AlertSummary alert, CancellationToken ct) => onAlert(alert);
    }
}
