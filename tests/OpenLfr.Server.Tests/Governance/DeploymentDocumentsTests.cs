using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Deployments;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Governance;

/// <summary>
/// "A DPIA and an appropriate policy document for every use", and a standalone system: a draft may lack them, but
/// it is not authorised until its record names both documents and confirms it. On both databases.
/// </summary>
public sealed class DeploymentDocumentsTests
{
    [RequiresSharedDataTheory("datasets/lfw")]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Authorisation_is_refused_until_the_record_names_its_DPIA_and_policy_document_and_confirms_standalone(string database)
    {
        using var factory = new LfrFactory(database);
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var subjectId = await s.AddSubjectAsync(watchlistId, "W-001");
        await s.EnrolAsync(watchlistId, subjectId, ("a.jpg", Scenario.Face(0)));
        var start = s.Now.AddHours(1);

        // A draft without them is saved.
        var draft = await s.Manager.PostAsync<DeploymentView>("/api/deployments", s.DeploymentBody(watchlistId, start, TimeSpan.FromHours(4), complete: false), HttpStatusCode.Created);
        Assert.Equal((null, null, false), (draft.DpiaReference, draft.AppropriatePolicyDocumentReference, draft.StandaloneConfirmed));

        // Authorising it is refused, naming each missing part.
        var refused = await ApiClient.ProblemAsync(await s.Officer.PostAsync($"/api/deployments/{draft.Id}/authorise", new { rank = "Superintendent" }), HttpStatusCode.Conflict);
        Assert.Equal("The deployment record is incomplete.", refused.GetProperty("title").GetString());
        Assert.Contains("DPIA", refused.GetProperty("detail").GetString());
        var errors = refused.GetProperty("errors");
        foreach (var field in new[] { "dpiaReference", "appropriatePolicyDocumentReference", "standaloneConfirmed" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {refused}");

        // With the DPIA only, the other two are still missing.
        var body = new
        {
            name = "Market day", place = "High Street market, north entrance", placeJustification = "Seen there on Saturdays.",
            purpose = "Locate people wanted on warrant.", necessity = "Patrols failed.", proportionality = "Four hours, one entrance.",
            watchlistId, cameraIds = new[] { s.CameraId }, startsAtUtc = start, endsAtUtc = start.AddHours(4), dpiaReference = "DPIA-2026-07",
        };
        await ApiClient.Expect(await s.Manager.Http.PutAsync($"/api/deployments/{draft.Id}", System.Net.Http.Json.JsonContent.Create(body, options: ApiClient.Json)), HttpStatusCode.OK);
        var partial = await ApiClient.ProblemAsync(await s.Officer.PostAsync($"/api/deployments/{draft.Id}/authorise", new { rank = "Superintendent" }), HttpStatusCode.Conflict);
        Assert.False(partial.GetProperty("errors").TryGetProperty("dpiaReference", out _));
        Assert.True(partial.GetProperty("errors").TryGetProperty("appropriatePolicyDocumentReference", out _));
        Assert.Equal(DeploymentStatus.Draft, (await s.Officer.GetAsync<DeploymentView>($"/api/deployments/{draft.Id}")).Status);

        // Too long a reference is a validation error, not a truncation.
        var tooLong = await s.Manager.Http.PutAsync($"/api/deployments/{draft.Id}", System.Net.Http.Json.JsonContent.Create(
            With(s.DeploymentBody(watchlistId, start, TimeSpan.FromHours(4)), new string('x', 201)), options: ApiClient.Json));
        Assert.True((await ApiClient.ProblemAsync(tooLong, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("dpiaReference", out _));

        // Complete: authorised, and the record shows the references (API, page, audit).
        var response = await s.Manager.Http.PutAsync($"/api/deployments/{draft.Id}", System.Net.Http.Json.JsonContent.Create(s.DeploymentBody(watchlistId, start, TimeSpan.FromHours(4)), options: ApiClient.Json));
        await ApiClient.Expect(response, HttpStatusCode.OK);
        var authorised = await s.Officer.PostAsync<DeploymentView>($"/api/deployments/{draft.Id}/authorise", new { rank = "Superintendent" });
        Assert.Equal(DeploymentStatus.Authorised, authorised.Status);
        Assert.Equal(("DPIA-LFR-2026-07", "APD-SC-2026-03", true), (authorised.DpiaReference, authorised.AppropriatePolicyDocumentReference, authorised.StandaloneConfirmed));
        var page = await s.Officer.Http.GetStringAsync($"/deployments/{draft.Id}");
        Assert.Contains("DPIA-LFR-2026-07", page);
        Assert.Contains("APD-SC-2026-03", page);
        Assert.Contains("not linked to CCTV, body-worn video or ANPR", page);
        await using var db = factory.OpenDb();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "deployment.authorised");
        Assert.Contains("DPIA-LFR-2026-07", entry.Details);
    }

    /// <summary>The scenario's complete body with another DPIA reference.</summary>
    private static Dictionary<string, object?> With(object body, string dpiaReference)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToElement(body, ApiClient.Json);
        var copy = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        copy["dpiaReference"] = dpiaReference;
        return copy;
    }
}
