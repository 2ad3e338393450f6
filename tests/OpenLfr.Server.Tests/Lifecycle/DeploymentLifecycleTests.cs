using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Retention;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Lifecycle;

/// <summary>
/// The whole governed lifecycle through the HTTP API, on SQLite and on PostgreSQL. Enrolment uses the
/// <see cref="TestFaceAnalyzer"/> test double (the pipeline is not the subject here); alerts come through
/// the same <see cref="IAlertRecorder"/> the live pipeline calls, carrying real face images.
/// </summary>
public sealed class DeploymentLifecycleTests
{
    [RequiresSharedDataTheory("datasets/lfw")]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Watchlist_to_review_follows_the_rules_at_every_step(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);

        // Watchlist: one subject, one accepted and one rejected image.
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        var enrolment = await s.EnrolAsync(watchlistId, subjectId, ("good.jpg", Scenario.Face(0)), ("tiny.jpg", Scenario.Face(1)[..1500]));
        var verdicts = enrolment.GetProperty("images").EnumerateArray().ToList();
        Assert.True(verdicts[0].GetProperty("accepted").GetBoolean());
        Assert.False(verdicts[1].GetProperty("accepted").GetBoolean());
        Assert.Contains("No face", verdicts[1].GetProperty("reasons")[0].GetString());
        var imageId = verdicts[0].GetProperty("imageId").GetGuid();

        // Draft by one authorising officer; he cannot authorise his own deployment.
        var start = s.Now.AddHours(1);
        var created = await s.Officer.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, start, TimeSpan.FromHours(5)), HttpStatusCode.Created);
        Assert.Equal(DeploymentStatus.Draft, created.Status);
        var own = await s.Officer.PostAsync($"/api/deployments/{created.Id}/authorise", new { rank = "Superintendent" });
        var problem = await ApiClient.ProblemAsync(own, HttpStatusCode.Forbidden);
        Assert.Contains("cannot authorise", problem.GetProperty("detail").GetString());

        var authorised = await s.SecondOfficer.PostAsync<DeploymentView>($"/api/deployments/{created.Id}/authorise", new { rank = "Chief Superintendent", notes = "Criteria approved." });
        Assert.Equal(DeploymentStatus.Authorised, authorised.Status);
        Assert.Equal("officer2", authorised.AuthorisedBy);
        Assert.Equal("Chief Superintendent", authorised.AuthoriserRank);
        Assert.Equal(s.Now, authorised.AuthorisedAtUtc);

        // The watchlist is frozen once authorised.
        var late = await s.Manager.PostAsync($"/api/watchlists/{watchlistId}/subjects", new { reference = "W-002", displayName = "Late", category = "WantedByCourts", urgency = "Arrest", dateOfBirth = "1980-01-01", reviewDate = "2026-06-01" });
        await ApiClient.ProblemAsync(late, HttpStatusCode.Conflict);

        // Before the window: activation refused, cameras may not process, alerts refused.
        var early = await s.Operator.PostAsync($"/api/deployments/{created.Id}/activate", new { signageConfirmed = true });
        Assert.Contains("outside the authorised window", (await ApiClient.ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Null(await Assignment(factory, s.CameraId));

        factory.Clock.Set(start.AddMinutes(5));
        var noSignage = await s.Operator.PostAsync($"/api/deployments/{created.Id}/activate", new { signageConfirmed = false });
        await ApiClient.ProblemAsync(noSignage, HttpStatusCode.BadRequest);
        var active = await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{created.Id}/activate", new { signageConfirmed = true });
        Assert.Equal(DeploymentStatus.Active, active.Status);
        var assignment = await Assignment(factory, s.CameraId);
        Assert.NotNull(assignment);
        Assert.Equal(watchlistId, assignment.WatchlistId);
        Assert.Equal(created.Threshold, assignment.Threshold);

        // An alert from the live pipeline is stored, then listed as a "possible match".
        var sink = factory.Service<IAlertRecorder>();
        var alertId = await sink.RaiseAsync(new AlertCandidate(created.Id, s.CameraId, "track-7", subjectId, imageId, 0.99, s.Now, Scenario.Face(2), Scenario.Face(3)));
        var alerts = await s.Operator.GetAsync<List<JsonElement>>($"/api/alerts?deploymentId={created.Id}");
        var alert = Assert.Single(alerts);
        Assert.Equal("possible match", alert.GetProperty("label").GetString());
        Assert.Equal("Pending", alert.GetProperty("decision").GetString());
        var probe = await s.Operator.Http.GetAsync($"/api/alerts/{alertId}/probe");
        await ApiClient.Expect(probe, HttpStatusCode.OK);
        Assert.Equal(Scenario.Face(2), await probe.Content.ReadAsByteArrayAsync());

        // Adjudication: engage, then the outcome.
        var engaged = await s.Operator.PostAsync<JsonElement>($"/api/alerts/{alertId}/adjudication", new { decision = "Engage", notes = "Likeness strong." });
        Assert.Equal("Engage", engaged.GetProperty("decision").GetString());
        var twice = await s.Operator.PostAsync($"/api/alerts/{alertId}/adjudication", new { decision = "NoMatch" });
        await ApiClient.ProblemAsync(twice, HttpStatusCode.Conflict);
        var outcome = await s.Operator.PostAsync<JsonElement>($"/api/alerts/{alertId}/outcome", new { outcome = "ConfirmedSubject", arrested = true });
        Assert.True(outcome.GetProperty("arrested").GetBoolean());

        // The window ends: the lifecycle sweep ends the deployment; processing and alerts stop.
        factory.Clock.Set(start.AddHours(5));
        var (ended, _) = await LifecycleBackgroundService.RunOnceAsync(factory.Service<IServiceScopeFactory>(), CancellationToken.None);
        Assert.Equal(1, ended);
        Assert.Null(await Assignment(factory, s.CameraId));
        var refused = await Assert.ThrowsAsync<DomainException>(() => sink.RaiseAsync(new AlertCandidate(created.Id, s.CameraId, "track-8", subjectId, imageId, 0.995, s.Now, Scenario.Face(2), Scenario.Face(3))));
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        var endedView = await s.Operator.GetAsync<DeploymentView>($"/api/deployments/{created.Id}");
        Assert.Equal(DeploymentStatus.Ended, endedView.Status);
        Assert.Equal("the authorised window ended", endedView.EndReason);

        // Review freezes the figures.
        var reviewed = await s.SecondOfficer.PostAsync<DeploymentView>($"/api/deployments/{created.Id}/review", new { conclusions = "One arrest; no false alerts." });
        Assert.Equal(DeploymentStatus.Reviewed, reviewed.Status);
        Assert.Equal((1, 1, 0, 1, 1, 1), (reviewed.WatchlistSize, reviewed.TrueAlerts, reviewed.FalseAlerts, reviewed.Engagements, reviewed.Arrests, reviewed.AlertsRaised));

        // The audit chain holds, and recorded what happened.
        var verification = await s.Auditor.GetAsync<JsonElement>("/api/audit/verify");
        Assert.True(verification.GetProperty("valid").GetBoolean());
        await using var db = factory.OpenDb();
        var actions = await db.AuditEntries.Select(e => e.Action).ToListAsync();
        foreach (var expected in new[] { "auth.login", "watchlist.images-enrolled", "deployment.created", "deployment.authorised", "deployment.activated", "alert.raised", "alerts.listed", "alert-image.viewed", "alert.adjudicated", "alert.outcome-recorded", "deployment.ended", "deployment.reviewed" })
            Assert.Contains(expected, actions);
    }

    [RequiresSharedDataTheory("datasets/lfw")]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Background_service_ends_a_deployment_when_its_window_passes(string database)
    {
        using var factory = new LfrFactory(database, new Dictionary<string, string?> { ["Policy:SweepInterval"] = "00:00:01" });
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        await s.EnrolAsync(watchlistId, subjectId, ("a.jpg", Scenario.Face(0)));
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddMinutes(1), TimeSpan.FromHours(1)), HttpStatusCode.Created);
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/authorise", new { rank = "Superintendent" });
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/activate", new { signageConfirmed = true });

        factory.Clock.Advance(TimeSpan.FromHours(1));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        DeploymentView view;
        do
        {
            await Task.Delay(200);
            view = await s.Operator.GetAsync<DeploymentView>($"/api/deployments/{d.Id}");
        }
        while (view.Status != DeploymentStatus.Ended && DateTime.UtcNow < deadline);
        Assert.Equal(DeploymentStatus.Ended, view.Status);
    }

    private static async Task<CameraAssignment?> Assignment(LfrFactory factory, Guid cameraId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CameraProcessingGate>().GetAssignmentAsync(cameraId);
    }
}
