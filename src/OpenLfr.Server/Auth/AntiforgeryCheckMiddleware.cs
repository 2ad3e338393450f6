using Microsoft.AspNetCore.Antiforgery;

namespace OpenLfr.Server.Auth;

/// <summary>
/// CSRF protection for the cookie-authenticated API: every state-changing request (POST, PUT, PATCH,
/// DELETE) under /api from a signed-in user must carry the token from GET /api/auth/antiforgery in the
/// X-CSRF-TOKEN header. A browser on another site can send the cookie but cannot read the token.
/// Login is exempt (there is no session yet; SameSite=Strict covers it).
/// </summary>
internal sealed class AntiforgeryCheckMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var unsafeMethod = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        if (unsafeMethod && context.User.Identity?.IsAuthenticated == true
            && context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/api/auth/login"))
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = 400,
                        Title = "Missing or invalid antiforgery token.",
                        Detail = $"State-changing requests need the token from GET /api/auth/antiforgery in the {AuthServiceCollectionExtensions.CsrfHeader} header.",
                    },
                });
                return;
            }
        }
        await next(context);
    }
}
