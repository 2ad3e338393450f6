using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OpenLfr.Core.Identity;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Infrastructure;

/// <summary>
/// The people and things most tests need: one user per role (two authorising officers, so one can
/// authorise what the other created), a camera, a watchlist with one enrolled subject, signed-in clients.
/// </summary>
public sealed class Scenario
{
    public const string Password = "Test-Password-123!";

    private Scenario(LfrFactory factory) => Factory = factory;

    public LfrFactory Factory { get; }
    public ApiClient Admin { get; private set; } = null!;
    public ApiClient Manager { get; private set; } = null!;
    public ApiClient Officer { get; private set; } = null!;
    public ApiClient SecondOfficer { get; private set; } = null!;
    public ApiClient Operator { get; private set; } = null!;
    public ApiClient Auditor { get; private set; } = null!;
    public Guid CameraId { get; private set; }

    public static async Task<Scenario> CreateAsync(LfrFactory factory)
    {
        var s = new Scenario(factory);
        s.Admin = await factory.SignInAsync("admin");
        await s.CreateUserAsync("manager", Roles.WatchlistManager, null);
        await s.CreateUserAsync("officer", Roles.AuthorisingOfficer, "Superintendent");
        await s.CreateUserAsync("officer2", Roles.AuthorisingOfficer, "Chief Superintendent");
        await s.CreateUserAsync("operator", Roles.Operator, null);
        await s.CreateUserAsync("auditor", Roles.Auditor, null);
        s.Manager = await factory.SignInAsync("manager", Password);
        s.Officer = await factory.SignInAsync("officer", Password);
        s.SecondOfficer = await factory.SignInAsync("officer2", Password);
        s.Operator = await factory.SignInAsync("operator", Password);
        s.Auditor = await factory.SignInAsync("auditor", Password);
        var camera = await s.Admin.PostAsync<JsonElement>("/api/cameras", new { name = "cam-1", source = "tcp://127.0.0.1:9000" }, HttpStatusCode.Created);
        s.CameraId = camera.GetProperty("id").GetGuid();
        return s;
    }

    private Task CreateUserAsync(string userName, string role, string? rank) =>
        Admin.PostAsync<JsonElement>("/api/users", new { userName, displayName = userName, password = Password, rank, roles = new[] { role } }, HttpStatusCode.Created);

    /// <summary>A real face image from LFW (read in place).</summary>
    public static byte[] Face(int index)
    {
        var folders = Directory.GetDirectories(SharedData.PathOf("datasets/lfw")).OrderBy(d => d, StringComparer.Ordinal).ToList();
        return File.ReadAllBytes(Directory.GetFiles(folders[index]).OrderBy(f => f, StringComparer.Ordinal).First());
    }

    public async Task<Guid> CreateWatchlistAsync(string name = "Operation Test")
    {
        var w = await Manager.PostAsync<JsonElement>("/api/watchlists", new { name, intelligenceCase = "Intelligence says the wanted people attend the market on Saturdays." }, HttpStatusCode.Created);
        return w.GetProperty("id").GetGuid();
    }

    public async Task<Guid> AddSubjectAsync(Guid watchlistId, string reference, string category = "WantedByCourts", string urgency = "Arrest")
    {
        var s = await Manager.PostAsync<JsonElement>($"/api/watchlists/{watchlistId}/subjects", new
        {
            reference, displayName = "Person " + reference, category, urgency, dateOfBirth = "1980-05-01", reviewDate = "2026-06-01",
        }, HttpStatusCode.Created);
        return s.GetProperty("id").GetGuid();
    }

    public static MultipartFormDataContent Upload(params (string Name, byte[] Data)[] files) => Upload("2025-01-10", files);

    public static MultipartFormDataContent Upload(string dateTaken, params (string Name, byte[] Data)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("PACE custody image"), "legalBasis" },
            { new StringContent("Custody system ref C-1"), "source" },
            { new StringContent(dateTaken), "dateTaken" },
        };
        foreach (var (name, data) in files)
        {
            var content = new ByteArrayContent(data);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(content, "files", name);
        }
        return form;
    }

    public async Task<JsonElement> EnrolAsync(Guid watchlistId, Guid subjectId, params (string Name, byte[] Data)[] files)
    {
        var response = await Manager.Http.PostAsync($"/api/watchlists/{watchlistId}/subjects/{subjectId}/images", Upload(files));
        await ApiClient.Expect(response, HttpStatusCode.OK);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    /// <param name="threshold">Null leaves it out, so the server's default applies.</param>
    /// <param name="complete">False leaves out the DPIA and policy document references and the standalone confirmation (a draft may lack them; authorisation needs them).</param>
    public object DeploymentBody(Guid watchlistId, DateTime start, TimeSpan length, double? threshold = null, Guid? camera = null, bool complete = true) => new
    {
        name = "Market day", place = "High Street market, north entrance",
        placeJustification = "Intelligence places the watchlisted people at the market on Saturdays.",
        purpose = "Locate people wanted on warrant.", necessity = "Earlier patrols did not locate them.",
        proportionality = "Five hours, one entrance, signage and leaflets.",
        watchlistId, cameraIds = new[] { camera ?? CameraId }, startsAtUtc = start, endsAtUtc = start + length, threshold,
        dpiaReference = complete ? "DPIA-LFR-2026-07" : null, appropriatePolicyDocumentReference = complete ? "APD-SC-2026-03" : null, standaloneConfirmed = complete,
    };

    public DateTime Now => Factory.Clock.GetUtcNow().UtcDateTime;
}
