using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    public const string CsrfHeader = "X-CSRF-TOKEN";

    /// <summary>
    /// ASP.NET Core Identity with cookie sign-in (HttpOnly, SameSite=Strict), lockout after repeated failed
    /// logins, and a fallback policy so an endpoint without an explicit rule still needs a signed-in user.
    /// API calls get 401/403 problem details instead of redirects.
    /// </summary>
    public static IServiceCollection AddOpenLfrAuth(this IServiceCollection services)
    {
        services.AddIdentityCore<LfrUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<LfrDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "openlfr.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => Problem(c.HttpContext, StatusCodes.Status401Unauthorized, "Sign in first (POST /api/auth/login).");
            o.Events.OnRedirectToAccessDenied = c => Problem(c.HttpContext, StatusCodes.Status403Forbidden, "Your role does not allow this.");
        });
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfHeader;
            o.Cookie.Name = "openlfr.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    private static async Task Problem(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Detail = detail } });
    }
}
