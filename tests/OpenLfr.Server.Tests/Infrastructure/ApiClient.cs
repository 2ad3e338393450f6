using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenLfr.Server.Tests.Infrastructure;

/// <summary>An HTTP client for one user: its own cookies and CSRF token; JSON in and out.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string userName, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { userName, password }, Json);
        await Expect(response, HttpStatusCode.OK);
        var token = await Http.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery", Json);
        Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token.GetProperty("token").GetString());
    }

    public Task<HttpResponseMessage> PostAsync(string url, object body) => Http.PostAsJsonAsync(url, body, Json);

    public async Task<T> PostAsync<T>(string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await PostAsync(url, body);
        await Expect(response, expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<T> GetAsync<T>(string url)
    {
        var response = await Http.GetAsync(url);
        await Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Reads an RFC 7807 body and checks its status and content type.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await Expect(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }
}
