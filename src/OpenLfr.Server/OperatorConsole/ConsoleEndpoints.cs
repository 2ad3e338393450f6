using OpenLfr.Server.Auth;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Persistence;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.CameraWorkers;
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
        // Live frames stay in the memory of the node processing the camera (never stored, never sent between nodes): for a
        // camera another node processes, the answer names that node.
        images.MapGet("/cameras/{id:guid}/live.jpg", async (Guid id, HttpContext http, IServiceProvider services, CameraLeases leases, CancellationToken ct) =>
        {
            var frame = services.GetService<ILiveFrameSource>()?.Latest(id);
            if (frame is null) return Results.NotFound(new { reason = await NoLiveFrameReasonAsync(id, services, leases, ct) });
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

    /// <summary>
    /// This server's camera-worker node, whose cameras' live views it can show; null on a web-only node (no
    /// <see cref="ILiveFrameSource"/>).
    /// </summary>
    internal static string? LiveViewNode(IServiceProvider services) =>
        services.GetService<ILiveFrameSource>() is null ? null : services.GetRequiredService<IOptions<CameraWorkerOptions>>().Value.NodeId;

    /// <summary>Why there is no live frame here: another node processes the camera (named), or none does.</summary>
    internal static async Task<string> NoLiveFrameReasonAsync(Guid cameraId, IServiceProvider services, CameraLeases leases, CancellationToken ct)
    {
        var here = LiveViewNode(services);
        var holder = (await leases.ListAsync(ct)).FirstOrDefault(l => l.CameraId == cameraId)?.NodeId;
        if (holder is not null && holder != here)
            return $"This camera is processed by node {holder}, not by this server{(here is null ? " (a web-only node)" : $" (node {here})")}. " +
                "Live frames stay on the node that processes the camera and are never stored or sent between nodes, so only a console served by " +
                $"node {holder} shows them (a `lfr worker` node has no console). Its health and alerts are shown here as usual.";
        return "No live frame: the camera is not running, or its deployment is not active.";
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
