using System.Net;
using System.Text.Json;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Security;

/// <summary>Who may do what, sign-in lockout, and CSRF protection (SQLite: none of this depends on the database).</summary>
public sealed class RoleAndCsrfTests
{
    [RequiresSharedDataFact("datasets/lfw")]
    public async Task Roles_deny_what_they_should()
    {
        using var factory = new LfrFactory(DatabaseKind.Sqlite);
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        await s.EnrolAsync(watchlistId, subjectId, ("a.jpg", Scenario.Face(0)));
        var d = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, s.Now.AddMinutes(10), TimeSpan.FromHours(2)), HttpStatusCode.Created);

        // An operator cannot authorise; an auditor cannot adjudicate or create watchlists; a manager cannot read the audit.
        await ApiClient.ProblemAsync(await s.Operator.PostAsync($"/api/deployments/{d.Id}/authorise", new { rank = "Inspector" }), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await s.Auditor.PostAsync($"/api/alerts/{Guid.NewGuid()}/adjudication", new { decision = "Engage" }), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await s.Auditor.PostAsync("/api/watchlists", new { name = "x", intelligenceCase = "y" }), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await s.Manager.Http.GetAsync("/api/audit/verify"), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await s.Operator.PostAsync("/api/users", new { userName = "x" }), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await s.Operator.Http.GetAsync($"/api/watchlists/{watchlistId}"), HttpStatusCode.Forbidden);

        // Anonymous callers reach only health and the API description.
        var anonymous = factory.Anonymous();
        await ApiClient.ProblemAsync(await anonymous.Http.GetAsync("/api/deployments"), HttpStatusCode.Unauthorized);
        await ApiClient.ProblemAsync(await anonymous.Http.GetAsync($"/api/alerts"), HttpStatusCode.Unauthorized);
        var openApi = await anonymous.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/api/deployments/{id}/authorise", await openApi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/healthz")).StatusCode);

        // Nothing above changed the deployment.
        Assert.Equal(DeploymentStatus.Draft, (await s.Manager.GetAsync<DeploymentView>($"/api/deployments/{d.Id}")).Status);
    }

    [Fact]
    public async Task State_changing_requests_without_the_csrf_token_are_refused()
    {
        using var factory = new LfrFactory(DatabaseKind.Sqlite);
        var admin = await factory.SignInAsync("admin");
        admin.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var response = await admin.PostAsync("/api/cameras", new { name = "cam-x", source = "x" });
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("antiforgery", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        admin.Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", "forged");
        await ApiClient.ProblemAsync(await admin.PostAsync("/api/cameras", new { name = "cam-x", source = "x" }), HttpStatusCode.BadRequest);
        Assert.Empty(await (await factory.SignInAsync("admin")).GetAsync<List<JsonElement>>("/api/cameras"));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_and_are_audited()
    {
        using var factory = new LfrFactory(DatabaseKind.Sqlite);
        var client = factory.Anonymous();
        for (var i = 0; i < 5; i++)
            await ApiClient.ProblemAsync(await client.PostAsync("/api/auth/login", new { userName = "admin", password = "wrong-password" }), HttpStatusCode.Unauthorized);
        var locked = await ApiClient.ProblemAsync(await client.PostAsync("/api/auth/login", new { userName = "admin", password = LfrFactory.AdminPassword }), HttpStatusCode.Unauthorized);
        Assert.Equal("Account locked.", locked.GetProperty("title").GetString());

        await using var db = factory.OpenDb();
        Assert.Equal(4, db.AuditEntries.Count(e => e.Action == "auth.login-failed"));
        Assert.Equal(2, db.AuditEntries.Count(e => e.Action == "auth.locked-out"));
        Assert.Equal(0, db.AuditEntries.Count(e => e.Action == "auth.login"));
        var admin = db.Users.Single(u => u.UserName == "admin");
        Assert.True(admin.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }
}
