using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.Tests.Browser;
using OpenLfr.Server.Tests.Infrastructure;

namespace OpenLfr.Server.Tests.Lifecycle;

/// <summary>Faces seen are counted per camera as well as per deployment, and the review freezes both.</summary>
public sealed class FacesSeenTests
{
    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Faces_seen_are_counted_per_camera_and_the_deployment_figure_is_their_sum(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var second = (await s.Admin.PostAsync<System.Text.Json.JsonElement>("/api/cameras", new { name = "cam-2", source = "tcp://127.0.0.1:9002" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var unused = (await s.Admin.PostAsync<System.Text.Json.JsonElement>("/api/cameras", new { name = "cam-3", source = "tcp://127.0.0.1:9003" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var watchlistId = await s.CreateWatchlistAsync();
        await s.EnrolAsync(watchlistId, await s.AddSubjectAsync(watchlistId, "W-001"), ("a.jpg", TestImages.Face(0)));
        var body = s.DeploymentBody(watchlistId, s.Now.AddMinutes(1), TimeSpan.FromHours(1));
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!;
        json["cameraIds"] = new System.Text.Json.Nodes.JsonArray(s.CameraId.ToString(), second.ToString());
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", json, HttpStatusCode.Created);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var gate = scope.ServiceProvider.GetRequiredService<CameraProcessingGate>();
            await gate.AddFacesSeenAsync(d.Id, s.CameraId, 3);
            await gate.AddFacesSeenAsync(d.Id, second, 5);
            await gate.AddFacesSeenAsync(d.Id, s.CameraId, 4);
            // A camera outside the deployment is refused and neither figure moves.
            await Assert.ThrowsAsync<InvalidOperationException>(() => gate.AddFacesSeenAsync(d.Id, unused, 100));
        }

        var view = await s.Manager.GetAsync<DeploymentView>($"/api/deployments/{d.Id}");
        Assert.Equal(12, view.FacesSeen);
        Assert.Equal(new Dictionary<Guid, long> { [s.CameraId] = 7, [second] = 5 }, view.FacesSeenByCamera.ToDictionary(c => c.CameraId, c => c.FacesSeen));

        // The review records the per-camera figures with the others.
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/authorise", new { rank = "Superintendent" });
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/end", new { reason = "done" });
        var reviewed = await s.SecondOfficer.PostAsync<DeploymentView>($"/api/deployments/{d.Id}/review", new { conclusions = "Twelve faces, no alerts." });
        Assert.Equal(DeploymentStatus.Reviewed, reviewed.Status);
        await using var db = factory.OpenDb();
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "deployment.reviewed");
        Assert.Contains($"\"{s.CameraId}\":7", audit.Details);
        Assert.Contains($"\"{second}\":5", audit.Details);
    }
}
