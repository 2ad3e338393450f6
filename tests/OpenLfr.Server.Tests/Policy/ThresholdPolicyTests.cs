using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Live;
using OpenLfr.Core.Policy;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Server.Tests.Policy;

/// <summary>
/// Deployment thresholds follow the policy's false alert rate on the scale of the server's one embedder: the minimum
/// and the default come from the embedder's calibration, and problem details put both numbers into words.
/// </summary>
public sealed class ThresholdPolicyTests
{
    private static string N(float v) => ((double)(decimal)v).ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task A_threshold_below_the_policy_minimum_is_refused_naming_both_numbers_and_nothing_is_stored(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var calibration = EmbedderSpec.Get(EmbedderSpec.DefaultId).Calibration;
        // The watchlist has no templates yet: the minimum is the one for a single template (ThresholdPolicy.MinimumFor).
        var minimum = calibration.ThresholdFor(0.001, 1);

        // 0.6 is a fine cosine for some embedders, far too low for the default one (policy: at most 1 in 1,000).
        var response = await s.Manager.PostAsync("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(2), threshold: 0.6));
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("threshold")[0].GetString()!;
        Assert.Contains("threshold 0.6 is below the policy minimum " + N(minimum), message);
        Assert.Contains("embedder " + EmbedderSpec.DefaultId, message);
        Assert.Contains("At 0.6: more than 1 false alert in 100 faces searched", message);
        Assert.Contains($"at {N(minimum)}: about 1 false alert in 1,000 faces searched with a watchlist of 1 template", message);
        Assert.Contains(calibration.Source, message);

        // Just below the minimum is refused too; above 1 is no similarity at all.
        var justBelow = (double)(decimal)minimum - 0.0001;
        await ApiClient.ProblemAsync(await s.Manager.PostAsync("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(2), threshold: justBelow)), HttpStatusCode.BadRequest);
        var above = await ApiClient.ProblemAsync(await s.Manager.PostAsync("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(2), threshold: 1.5)), HttpStatusCode.BadRequest);
        Assert.Contains("at most 1", above.GetProperty("errors").GetProperty("threshold")[0].GetString());
        await using var db = factory.OpenDb();
        Assert.Equal(0, await db.Deployments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Without_a_threshold_the_embedders_default_applies_and_is_recorded_with_the_embedder(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var spec = EmbedderSpec.Get(EmbedderSpec.DefaultId);

        var created = await s.Manager.PostAsync<DeploymentView>("/api/deployments",
            s.DeploymentBody(await s.CreateWatchlistAsync(), s.Now.AddHours(1), TimeSpan.FromHours(2)), HttpStatusCode.Created);
        Assert.Equal((double)(decimal)spec.DefaultThreshold, created.Threshold);
        Assert.Equal(spec.Id, created.Embedder);
        Assert.Equal($"{N(spec.DefaultThreshold)}: about 1 false alert in 1,000 faces searched with a watchlist of {spec.Calibration.GallerySize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} templates (embedder {spec.Id}, measured on {spec.Calibration.Source})", created.ThresholdMeaning);
        await using var db = factory.OpenDb();
        var stored = await db.Deployments.AsNoTracking().SingleAsync();
        Assert.Equal((spec.Id, created.Threshold), (stored.Embedder, stored.Threshold));

        // A threshold at or above the minimum is kept as given, and its meaning follows it.
        var strict = await s.Manager.PostAsync<DeploymentView>("/api/deployments",
            s.DeploymentBody(await s.CreateWatchlistAsync("Two"), s.Now.AddHours(3), TimeSpan.FromHours(1), threshold: 0.99, camera: await NewCameraAsync(s)), HttpStatusCode.Created);
        Assert.Equal(0.99, strict.Threshold);
        Assert.StartsWith("0.99: about 1 false alert in 10,000 faces searched", strict.ThresholdMeaning);
    }

    [Theory]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task A_stricter_policy_raises_the_minimum_and_the_default_for_the_configured_embedder(string database)
    {
        using var factory = new LfrFactory(database, new Dictionary<string, string?>
        {
            ["Policy:MaximumFalseAlertRate"] = "0.0001", ["Recognition:Embedder"] = "mobileface",
        });
        var s = await Scenario.CreateAsync(factory);
        var calibration = EmbedderSpec.MobileFace.Calibration;
        var watchlistId = await s.CreateWatchlistAsync();

        var refused = await ApiClient.ProblemAsync(await s.Manager.PostAsync("/api/deployments",
            s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(2), threshold: (double)(decimal)calibration.AtFpir1In1000)), HttpStatusCode.BadRequest);
        Assert.Contains($"is below the policy minimum {N(calibration.AtFpir1In10000)} for embedder mobileface", refused.GetProperty("errors").GetProperty("threshold")[0].GetString());
        var created = await s.Manager.PostAsync<DeploymentView>("/api/deployments",
            s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(2)), HttpStatusCode.Created);
        Assert.Equal(((double)(decimal)calibration.AtFpir1In10000, "mobileface"), (created.Threshold, created.Embedder));
    }

    [RequiresSharedDataFact("datasets/lfw")]
    public async Task A_watchlist_that_grew_after_its_threshold_was_checked_runs_and_is_checked_at_the_minimum_for_its_size()
    {
        using var factory = new LfrFactory(DatabaseKind.Sqlite);
        var s = await Scenario.CreateAsync(factory);
        var calibration = EmbedderSpec.Get(EmbedderSpec.DefaultId).Calibration;
        var watchlistId = await s.CreateWatchlistAsync();

        // Planned on an empty watchlist at the lowest threshold policy allows for it (one template)...
        var lowest = (double)(decimal)calibration.ThresholdFor(0.001, 1);
        var start = s.Now.AddHours(1);
        var created = await s.Officer.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, start, TimeSpan.FromHours(2), threshold: lowest), HttpStatusCode.Created);
        Assert.Equal(lowest, created.Threshold);

        // ...then three people were enrolled before authorisation: three chances of a false match, a higher minimum.
        var enrolled = new List<(Guid Subject, Guid Image)>();
        foreach (var i in new[] { 0, 2, 3 })
        {
            var subject = await s.AddSubjectAsync(watchlistId, $"G-{i}");
            var verdict = (await s.EnrolAsync(watchlistId, subject, ($"face{i}.jpg", Scenario.Face(i)))).GetProperty("images")[0];
            Assert.True(verdict.GetProperty("accepted").GetBoolean());
            enrolled.Add((subject, verdict.GetProperty("imageId").GetGuid()));
        }
        await s.SecondOfficer.PostAsync<DeploymentView>($"/api/deployments/{created.Id}/authorise", new { rank = "Chief Superintendent" });
        factory.Clock.Set(start.AddMinutes(1));
        await s.Operator.PostAsync<DeploymentView>($"/api/deployments/{created.Id}/activate", new { signageConfirmed = true });

        CameraAssignment? assignment;
        await using (var scope = factory.Services.CreateAsyncScope())
            assignment = await scope.ServiceProvider.GetRequiredService<CameraProcessingGate>().GetAssignmentAsync(s.CameraId);
        Assert.Equal(3, assignment!.WatchlistTemplates);
        var minimum = (double)(decimal)calibration.ThresholdFor(0.001, 3);
        Assert.True(minimum > lowest);
        var policy = factory.Services.GetRequiredService<ThresholdPolicy>();
        Assert.Equal(minimum, policy.AppliedThreshold(created.Embedder, created.Threshold, assignment.WatchlistTemplates));
        var live = LiveDefaults.AlertThreshold(created.Embedder, minimum);

        // An alert between the deployment's own threshold and the minimum for three is refused; above it, it is stored
        // with the threshold the cameras applied.
        // AlertService itself (not the sink interface in front of it), the check every node's alerts go through.
        await using var alertScope = factory.Services.CreateAsyncScope();
        var sink = alertScope.ServiceProvider.GetRequiredService<AlertService>();
        var (subjectId, imageId) = enrolled[0];
        var between = LiveDefaults.AlertThreshold(created.Embedder, lowest) + 0.001;
        Assert.True(between < live);
        var refused = await Assert.ThrowsAsync<DomainException>(() => sink.RaiseAsync(new AlertCandidate(created.Id, s.CameraId, "t1", subjectId, imageId, between, s.Now, Scenario.Face(2), Scenario.Face(3))));
        Assert.Contains("watchlist of 3 templates", refused.Message);
        var id = await sink.RaiseAsync(new AlertCandidate(created.Id, s.CameraId, "t2", subjectId, imageId, live + 0.001, s.Now, Scenario.Face(2), Scenario.Face(3)));
        await using var db = factory.OpenDb();
        Assert.Equal(live, (await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id)).Threshold);

        // The deployment's page says what runs now and its expected rate at this size.
        Assert.StartsWith($"raised to the policy minimum for the watchlist's size: {N((float)minimum)}: about 1 false alert in 1,000 faces searched with a watchlist of 3 templates",
            await factory.Services.CreateScope().ServiceProvider.GetRequiredService<DeploymentService>().ThresholdNowAsync(created));
    }

    [Theory]
    [InlineData("Recognition:Embedder", "no-such-embedder", "Recognition:Embedder 'no-such-embedder' is not a known embedder; use one of: ")]
    [InlineData("Policy:MaximumFalseAlertRate", "0.5", "Policy:MaximumFalseAlertRate must be 0.0001..0.01")]
    [InlineData("Policy:MaximumFalseAlertRate", "0.00001", "Policy:MaximumFalseAlertRate must be 0.0001..0.01")]
    public void A_server_configured_with_an_unknown_embedder_or_an_uncalibrated_rate_does_not_start(string key, string value, string expected)
    {
        using var factory = new LfrFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { [key] = value });
        var e = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains(expected, e.Message);
        if (key == "Recognition:Embedder") Assert.Contains(EmbedderSpec.DefaultId, e.Message);
    }

    private static async Task<Guid> NewCameraAsync(Scenario s)
    {
        var camera = await s.Admin.PostAsync<System.Text.Json.JsonElement>("/api/cameras", new { name = "cam-" + Guid.NewGuid().ToString("N")[..6], source = "tcp://127.0.0.1:9001" }, HttpStatusCode.Created);
        return camera.GetProperty("id").GetGuid();
    }
}
