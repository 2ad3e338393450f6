using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Validation;

/// <summary>Bad input gets a clear 4xx problem detail and writes nothing; on both databases.</summary>
public sealed class BadInputTests
{
    [RequiresSharedDataTheory("datasets/lfw")]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Bad_requests_are_problem_details_with_no_partial_writes(string database)
    {
        using var factory = new LfrFactory(database, new Dictionary<string, string?> { ["Policy:MaxImageBytes"] = "50000" });
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        await using var db = factory.OpenDb();
        var subjectsBefore = await db.Subjects.CountAsync();

        // Malformed JSON.
        var malformed = await s.Manager.Http.PostAsync($"/api/watchlists/{watchlistId}/subjects", new StringContent("{\"reference\": \"W-9\", ", Encoding.UTF8, "application/json"));
        await ApiClient.ProblemAsync(malformed, HttpStatusCode.BadRequest);

        // A category outside the closed list: the JSON path is named.
        var unknown = await s.Manager.PostAsync($"/api/watchlists/{watchlistId}/subjects", new { reference = "W-9", displayName = "X", category = "Protester", urgency = "Arrest", dateOfBirth = "1980-01-01", reviewDate = "2026-06-01" });
        Assert.Contains("category", (await ApiClient.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());

        // Under 18 without an override reason; an associate without justification.
        var child = await s.Manager.PostAsync($"/api/watchlists/{watchlistId}/subjects", new { reference = "W-10", displayName = "Child", category = "MissingPersonAtRisk", urgency = "Arrest", dateOfBirth = "2015-01-01", reviewDate = "2026-06-01" });
        Assert.True((await ApiClient.ProblemAsync(child, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("underAgeOverrideReason", out _));
        var associate = await s.Manager.PostAsync($"/api/watchlists/{watchlistId}/subjects", new { reference = "W-11", displayName = "A", category = "AssociateWitnessOrVictim", urgency = "Arrest", dateOfBirth = "1990-01-01", reviewDate = "2026-06-01" });
        Assert.True((await ApiClient.ProblemAsync(associate, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("justification", out _));
        // With the override recorded, a child can be added.
        await s.Manager.PostAsync<System.Text.Json.JsonElement>($"/api/watchlists/{watchlistId}/subjects", new { reference = "W-12", displayName = "Child", category = "MissingPersonAtRisk", urgency = "Arrest", dateOfBirth = "2015-01-01", reviewDate = "2026-06-01", underAgeOverrideReason = "Missing child at risk of harm; authorised by Supt." }, HttpStatusCode.Created);
        Assert.Equal(subjectsBefore + 1, await db.Subjects.CountAsync());

        // Not an image, and an oversized image: the whole upload is refused, nothing stored.
        var notImage = await s.Manager.Http.PostAsync($"/api/watchlists/{watchlistId}/subjects/{subjectId}/images", Scenario.Upload(("good.jpg", Scenario.Face(0)), ("notes.jpg", Encoding.UTF8.GetBytes("this is not an image at all, just text pretending"))));
        Assert.Contains("notes.jpg is not a JPEG or PNG", (await ApiClient.ProblemAsync(notImage, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        var big = new byte[60_000];
        Scenario.Face(0).CopyTo(big, 0);
        var oversized = await s.Manager.Http.PostAsync($"/api/watchlists/{watchlistId}/subjects/{subjectId}/images", Scenario.Upload(("good.jpg", Scenario.Face(0)), ("big.jpg", big)));
        await ApiClient.ProblemAsync(oversized, HttpStatusCode.RequestEntityTooLarge);
        var futureDate = await s.Manager.Http.PostAsync($"/api/watchlists/{watchlistId}/subjects/{subjectId}/images", Scenario.Upload("2099-01-01", ("good.jpg", Scenario.Face(0))));
        await ApiClient.ProblemAsync(futureDate, HttpStatusCode.BadRequest);
        Assert.Equal(0, await db.SubjectImages.CountAsync());

        // Deployment windows: over the policy maximum, ending before starting, threshold below the minimum, overlapping.
        await s.EnrolAsync(watchlistId, subjectId, ("good.jpg", Scenario.Face(0)));
        var tooLong = await s.Manager.PostAsync("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(7)));
        Assert.Contains("policy maximum", (await ApiClient.ProblemAsync(tooLong, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        await ApiClient.ProblemAsync(await s.Manager.PostAsync("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(-1))), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await s.Manager.PostAsync("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(2), threshold: 0.3)), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await s.Manager.PostAsync("/api/deployments", new { name = "only a name" }), HttpStatusCode.BadRequest);
        Assert.Equal(0, await db.Deployments.CountAsync());

        var first = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddHours(1), TimeSpan.FromHours(4)), HttpStatusCode.Created);
        await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{first.Id}/authorise", new { rank = "Superintendent" });
        var otherWatchlist = await s.CreateWatchlistAsync("Operation Two");
        var other = await s.AddSubjectAsync(otherWatchlist, "X-1");
        await s.EnrolAsync(otherWatchlist, other, ("b.jpg", Scenario.Face(1)));
        var overlap = await s.Manager.PostAsync("/api/deployments", s.DeploymentBody(otherWatchlist, s.Now.AddHours(3), TimeSpan.FromHours(4)));
        Assert.Contains("overlaps", (await ApiClient.ProblemAsync(overlap, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        // The same watchlist cannot serve a second deployment.
        await ApiClient.ProblemAsync(await s.Manager.PostAsync("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddHours(6), TimeSpan.FromHours(1))), HttpStatusCode.Conflict);
        Assert.Equal(1, await db.Deployments.CountAsync());
    }

    [RequiresSharedDataFact("datasets/lfw")]
    public async Task Duplicate_subjects_are_flagged_and_the_size_limit_holds()
    {
        using var factory = new LfrFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Policy:MaxWatchlistSize"] = "2" });
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var first = await s.AddSubjectAsync(watchlistId, "W-001");
        var second = await s.AddSubjectAsync(watchlistId, "W-002");
        await s.EnrolAsync(watchlistId, first, ("a.jpg", Scenario.Face(0)));
        var report = await s.EnrolAsync(watchlistId, second, ("same.jpg", Scenario.Face(0)));
        var duplicate = report.GetProperty("possibleDuplicate");
        Assert.Equal(first, duplicate.GetProperty("subjectId").GetGuid());
        Assert.Equal("W-001", duplicate.GetProperty("reference").GetString());

        var third = await s.Manager.PostAsync($"/api/watchlists/{watchlistId}/subjects", new { reference = "W-003", displayName = "X", category = "WantedByCourts", urgency = "Arrest", dateOfBirth = "1980-01-01", reviewDate = "2026-06-01" });
        Assert.Contains("policy maximum of 2", (await ApiClient.ProblemAsync(third, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var reference = await s.Manager.PostAsync($"/api/watchlists/{watchlistId}/subjects", new { reference = "W-001", displayName = "X", category = "WantedByCourts", urgency = "Arrest", dateOfBirth = "1980-01-01", reviewDate = "2026-06-01" });
        await ApiClient.ProblemAsync(reference, HttpStatusCode.Conflict);
    }
}
