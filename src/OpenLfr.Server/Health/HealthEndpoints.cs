using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Enrolment;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddOpenLfrHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ModelsHealthCheck>("models")
            .AddCheck<CameraWorkersHealthCheck>("camera-workers");
        return services;
    }

    /// <summary>/healthz: JSON with the overall status and each check (database, models, camera workers). 503 when unhealthy.</summary>
    public static void MapOpenLfrHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
                }, JsonSerializerOptions.Web);
            },
        }).AllowAnonymous();
}

internal sealed class DatabaseHealthCheck(LfrDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
                : HealthCheckResult.Unhealthy($"{db.Database.ProviderName} not reachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{db.Database.ProviderName}: {e.Message}");
        }
    }
}

/// <summary>Degraded (not unhealthy) without the face pipeline: the rest of the system still works, enrolment does not.</summary>
internal sealed class ModelsHealthCheck(IFaceEnrolmentAnalyzer analyzer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(analyzer.UnavailableReason is null
            ? HealthCheckResult.Healthy("face pipeline ready")
            : HealthCheckResult.Degraded("face pipeline unavailable: " + analyzer.UnavailableReason));
}

/// <summary>
/// Every camera's state as the node processing it reported it to the database, and which node holds each camera's
/// lease (all nodes sharing the database), so any node, web-only or not, shows where and how every camera is processed.
/// A report not renewed for longer than a lease is stale ("no report from node X since ...") and makes the check degraded.
/// </summary>
internal sealed class CameraWorkersHealthCheck(CameraLeases leases, CameraStatuses statuses, LfrDbContext db, IOptions<CameraWorkerOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object> { ["node"] = options.Value.Enabled ? options.Value.NodeId : "(web only: no camera workers)" };
        IReadOnlyList<CameraStatus> reports;
        Dictionary<Guid, string> names;
        try
        {
            data["leases"] = (await leases.ListAsync(ct)).Select(l => new { l.CameraId, l.NodeId, l.HeartbeatAtUtc, l.ExpiresAtUtc }).ToList();
            reports = await statuses.ListAsync(ct);
            names = await db.Cameras.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        }
        catch (Exception e)
        {
            // The database check reports the cause.
            return HealthCheckResult.Degraded("camera reports unavailable: " + e.Message, data: data);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var bad = new List<string>();
        foreach (var r in reports.OrderBy(r => names.GetValueOrDefault(r.CameraId, ""), StringComparer.Ordinal))
        {
            var name = names.GetValueOrDefault(r.CameraId, r.CameraId.ToString());
            var stale = r.IsStale(now, options.Value.LeaseDuration);
            if (stale || !r.Healthy) bad.Add(name);
            data[name] = new
            {
                r.CameraId, r.NodeId, healthy = r.Healthy && !stale, stale, r.FpsIn, r.FpsProcessed, r.Dropped, r.Restarts, r.LastFrameUtc,
                problem = stale ? r.StaleProblem : r.Problem, r.UpdatedAtUtc,
            };
        }
        var nodes = reports.Select(r => r.NodeId).Distinct().Count();
        return bad.Count == 0
            ? HealthCheckResult.Healthy(reports.Count == 0 ? "no camera is being processed" : $"{reports.Count} camera(s) reported healthy by {nodes} node(s)", data)
            : HealthCheckResult.Degraded($"camera(s) not healthy: {string.Join(", ", bad)}", data: data);
    }
}
