using OpenLfr.Server.Alerts;
using OpenLfr.Server.Audit;
using OpenLfr.Server.Auth;
using OpenLfr.Server.Cameras;
using OpenLfr.Server.Deployments;
using OpenLfr.Server.Retention;
using OpenLfr.Server.Users;
using OpenLfr.Server.Watchlists;

namespace OpenLfr.Server.Hosting;

public static class ApiEndpoints
{
    /// <summary>Every feature's endpoints under /api; each group states the roles it allows.</summary>
    public static IEndpointRouteBuilder MapOpenLfrApi(this IEndpointRouteBuilder app)
    {
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapCameraEndpoints();
        app.MapWatchlistEndpoints();
        app.MapDeploymentEndpoints();
        app.MapAlertEndpoints();
        app.MapAuditEndpoints();
        app.MapRetentionEndpoints();
        return app;
    }
}
