using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using OpenLfr.Core;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Persistence;
using OpenLfr.Server.Auth;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.Errors;
using OpenLfr.Server.Health;

namespace OpenLfr.Server.Hosting;

public static class ServerServiceCollectionExtensions
{
    /// <summary>Composes the server: database first (migrated before anything else starts), then the domain and the web edge.</summary>
    public static IServiceCollection AddOpenLfrServer(this IServiceCollection services, IConfiguration configuration, ServerSettings settings)
    {
        services.AddHostedService<DatabaseInitializer>();
        services.AddLfrPersistence(settings.Database);
        // Live processing: camera workers (CameraWorkers:Enabled=false for a web-only node) and enrolment with the live embedder.
        services.AddOpenLfrCameraWorkers(configuration);
        services.AddOpenLfrCore(configuration);
        services.AddOpenLfrAuth();
        services.AddOpenLfrErrors();
        services.AddOpenLfrHealth();
        services.AddOperatorConsole();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Malformed JSON throws, so the exception handler turns it into a problem detail naming the fault.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "OpenLFR";
            doc.Info.Description = "Governed live facial recognition: deployments, watchlists, alerts (possible matches for human review), retention and audit.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication UseOpenLfrServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryCheckMiddleware>();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapOpenLfrHealth();
        app.MapOpenLfrApi();
        app.MapOperatorConsole();
        return app;
    }
}
