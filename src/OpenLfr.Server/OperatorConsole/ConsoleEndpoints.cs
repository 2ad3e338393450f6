using OpenLfr.Server.Auth;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole;

/// <summary>
/// The non-page URLs of the console: images (each view audited by the Core services, never cached),
/// the live view's latest blurred frame, and the public exports.
/// </summary>
public static class ConsoleEndpoints
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("/console").ExcludeFromDescription();
        images.MapGet("/alerts/{id:guid}/probe.jpg", (Guid id, HttpContext http, AlertService alerts, CancellationToken ct) =>
            AlertImage(id, AlertImageKind.Probe, http, alerts, ct)).RequireAuthorization(ConsolePolicies.ViewAlertImages);
        images.MapGet("/alerts/{id:guid}/frame.jpg", (Guid id, HttpContext http, AlertService alerts, CancellationToken ct) =>
            AlertImage(id, AlertImageKind.Thumbnail, http, alerts, ct)).RequireAuthorization(ConsolePolicies.ViewAlertImages);
        images.MapGet("/watchlist-images/{id:guid}.jpg", async (Guid id, HttpContext http, WatchlistService watchlists, CancellationToken ct) =>
        {
            var image = await watchlists.GetImageAsync(http.User.ToActor(), id, ct);
            NoStore(http);
            return Results.File(image.Data, image.ContentType);
        }).RequireAuthorization(p => p.RequireRole([.. ConsolePolicies.RolesByPolicy[ConsolePolicies.ViewAlertImages], .. ConsolePolicies.RolesByPolicy[ConsolePolicies.ManageWatchlists]]));
        images.MapGet("/cameras/{id:guid}/live.jpg", (Guid id, HttpContext http, IServiceProvider services) =>
        {
            var frame = services.GetService<ILiveFrameSource>()?.Latest(id);
            if (frame is null) return Results.NotFound();
            NoStore(http);
            http.Response.Headers["X-Captured-Utc"] = frame.CapturedUtc.ToString("O");
            return Results.File(frame.Jpeg, "image/jpeg");
        }).RequireAuthorization(ConsolePolicies.ViewAlertImages);

        app.MapGet("/transparency.csv", async (TransparencyQueries q, CancellationToken ct) =>
            Results.Text(TransparencyQueries.ToCsv(await q.RowsAsync(ct)), "text/csv; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/transparency.json", async (TransparencyQueries q, CancellationToken ct) =>
            Results.Json(new { deployments = await q.RowsAsync(ct) }, ExportJson))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> AlertImage(Guid id, AlertImageKind kind, HttpContext http, AlertService alerts, CancellationToken ct)
    {
        var image = await alerts.GetImageAsync(http.User.ToActor(), id, kind, ct);
        NoStore(http);
        return Results.File(image.Data, image.ContentType);
    }

    /// <summary>Biometric images must not stay in browser or proxy caches.</summary>
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store, private";
}
