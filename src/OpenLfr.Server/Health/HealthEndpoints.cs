using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenLfr.Core.Cameras;
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
/// This host's camera workers, and which node holds each camera's lease (all nodes sharing the database), so a
/// web-only node still shows where every camera is processed.
/// </summary>
internal sealed class CameraWorkersHealthCheck(IServiceProvider services, CameraLeases leases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object>();
        try
        {
            data["leases"] = (await leases.ListAsync(ct)).Select(l => new { l.CameraId, l.NodeId, l.HeartbeatAtUtc, l.ExpiresAtUtc }).ToList();
        }
        catch (Exception e)
        {
            data["leases"] = "unavailable: " + e.Message; // the database check reports the cause
        }
        var monitor = services.GetService<ICameraWorkerMonitor>();
        if (monitor is null) return HealthCheckResult.Healthy("no camera workers in this host", data);
        var workers = monitor.Snapshot();
        foreach (var w in workers) data[w.Name] = new { w.Healthy, w.FramesPerSecondIn, w.FramesPerSecondProcessed, w.Dropped, w.Restarts, w.LastFrameUtc, w.Problem };
        var bad = workers.Where(w => !w.Healthy).Select(w => w.Name).ToList();
        return bad.Count == 0
            ? HealthCheckResult.Healthy($"{workers.Count} camera worker(s) running", data)
            : HealthCheckResult.Degraded($"camera worker(s) not healthy: {string.Join(", ", bad)}", data: data);
    }
}
