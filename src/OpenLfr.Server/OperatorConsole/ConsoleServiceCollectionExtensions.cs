using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using OpenLfr.Core.Alerts;
using OpenLfr.Server.OperatorConsole.Alerts;
using OpenLfr.Server.OperatorConsole.Cameras;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole;

/// <summary>Registers the web pages people use: operator console, deployments, watchlists, review, transparency, audit.</summary>
public static class ConsoleServiceCollectionExtensions
{
    public const string LoginPath = "/login";
    public const string DeniedPath = "/denied";

    public static IServiceCollection AddOperatorConsole(this IServiceCollection services)
    {
        var assembly = typeof(ConsoleServiceCollectionExtensions).Assembly;
        services.AddRazorPages()
            // The pages are compiled into this assembly; a host whose entry assembly is another one
            // (`lfr serve`, the test host) must be told where they are: both the types and the compiled Razor
            // items, exactly once each.
            .ConfigureApplicationPartManager(m =>
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    if (!m.ApplicationParts.Any(p => p.GetType() == part.GetType() && p.Name == part.Name))
                        m.ApplicationParts.Add(part);
            });
        services.AddSignalR();
        services.AddSingleton<AlertPushLedger>();
        services.AddSingleton<HubAlertNotifier>();
        services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<HubAlertNotifier>());
        // Alerts stored and decisions made by other nodes (or through the API) reach this server's consoles through the database.
        services.AddOptions<AlertFeedOptions>().BindConfiguration(AlertFeedOptions.Section);
        services.AddSingleton<AlertFeedService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertFeedService>());
        services.AddHostedService<CameraHealthBroadcaster>();
        services.AddScoped<ConsoleQueries>();
        services.AddScoped<CameraHealthQueries>();
        services.AddScoped<TransparencyQueries>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<Watchlists.BulkEnrolment>();
        services.AddSingleton<EvaluationReportReader>();
        ConsolePolicies.Add(services.AddAuthorizationBuilder());

        // The API answers 401/403 as problem details; pages send people to the sign-in page instead.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = c => IsPage(c.Request) ? Redirect(c, LoginPath + "?returnUrl=" + Uri.EscapeDataString(c.Request.Path + c.Request.QueryString)) : toLogin(c);
            o.Events.OnRedirectToAccessDenied = c => IsPage(c.Request) ? Redirect(c, DeniedPath) : toDenied(c);
        });
        return services;
    }

    public static WebApplication MapOperatorConsole(this WebApplication app)
    {
        app.MapConsoleAssets();
        app.MapRazorPages();
        app.MapHub<ConsoleHub>(ConsoleHub.Path);
        app.MapConsoleEndpoints();
        return app;
    }

    /// <summary>A browser page request (not the API, the hub or an image URL).</summary>
    private static bool IsPage(HttpRequest r)
    {
        if (r.Path.StartsWithSegments("/api") || r.Path.StartsWithSegments(ConsoleHub.Path)) return false;
        if (r.Path.Value?.EndsWith(".jpg", StringComparison.Ordinal) == true) return false;
        return HttpMethods.IsGet(r.Method) || HttpMethods.IsPost(r.Method);
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> c, string to)
    {
        c.Response.Redirect(to);
        return Task.CompletedTask;
    }
}
