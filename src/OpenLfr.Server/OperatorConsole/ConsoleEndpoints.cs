using OpenLfr.Server.Auth;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Persistence;
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
        // Not audited per request: the page polls it every second, and it is the camera's live picture with every face
        // that is not an alert pixelated (no biometric data of anyone); alert and watchlist images above are audited.
        images.MapGet("/cameras/{id:guid}/live.jpg", (Guid id, HttpContext http, IServiceProvider services) =>
        {
            var frame = services.GetService<ILiveFrameSource>()?.Latest(id);
            if (frame is null) return Results.NotFound();
            NoStore(http);
            http.Response.Headers["X-Captured-Utc"] = frame.CapturedUtc.ToString("O");
            return Results.File(frame.Jpeg, "image/jpeg");
        }).RequireAuthorization(ConsolePolicies.ViewAlertImages);

        // The published figures, as the public transparency page shows them: no sign-in, no personal data. Downloads by
        // anonymous visitors are not audited, as views of the public page are not (there is no "who", and anyone could
        // grow the audit chain at will); a download by a signed-in user is an export and is audited.
        app.MapGet("/transparency.csv", async (HttpContext http, TransparencyQueries q, IServiceProvider services, CancellationToken ct) =>
        {
            var rows = await q.RowsAsync(ct);
            await AuditSignedInExportAsync(http, services, "csv", rows.Count, ct);
            return Results.Text(TransparencyQueries.ToCsv(rows), "text/csv; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/transparency.json", async (HttpContext http, TransparencyQueries q, IServiceProvider services, CancellationToken ct) =>
        {
            var rows = await q.RowsAsync(ct);
            await AuditSignedInExportAsync(http, services, "json", rows.Count, ct);
            return Results.Json(new { deployments = rows }, ExportJson);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> AlertImage(Guid id, AlertImageKind kind, HttpContext http, AlertService alerts, CancellationToken ct)
    {
        var image = await alerts.GetImageAsync(http.User.ToActor(), id, kind, ct);
        NoStore(http);
        return Results.File(image.Data, image.ContentType);
    }

    private static async Task AuditSignedInExportAsync(HttpContext http, IServiceProvider services, string format, int rows, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true) return;
        await services.GetRequiredService<AuditLog>().CommitAsync(services.GetRequiredService<LfrDbContext>(), http.User.ToActor(),
            new AuditEvent("transparency.exported", "deployment", "*", new { format, rows }), ct);
    }

    /// <summary>Biometric images must not stay in browser or proxy caches.</summary>
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store, private";
}
