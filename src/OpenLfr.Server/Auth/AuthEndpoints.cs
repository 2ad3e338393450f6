using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using OpenLfr.Core;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.Auth;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record MeResponse(Guid Id, string UserName, string DisplayName, string? Rank, IReadOnlyList<string> Roles);

public sealed record AntiforgeryResponse(string HeaderName, string Token);

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group.MapPost("/login", async (LoginRequest request, SignInManager<LfrUser> signIn, UserManager<LfrUser> users, LfrDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = ["userName and password are required."] });
            var name = request.UserName.Trim();
            var user = await users.FindByNameAsync(name);
            var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
            var actor = new Actor(user?.Id, name.Length > 200 ? name[..200] : name);
            if (result.Succeeded)
            {
                await audit.CommitAsync(db, actor, new AuditEvent("auth.login", "user", user!.Id.ToString()), ct);
                return Results.Ok(new MeResponse(user.Id, user.UserName!, user.DisplayName, user.Rank, (await users.GetRolesAsync(user)).ToList()));
            }
            await audit.CommitAsync(db, actor, new AuditEvent(result.IsLockedOut ? "auth.locked-out" : "auth.login-failed", "user", user?.Id.ToString() ?? "unknown"), ct);
            return result.IsLockedOut
                ? Results.Problem(statusCode: 401, title: "Account locked.", detail: "Too many failed sign-ins; the account is locked for 15 minutes.")
                : Results.Problem(statusCode: 401, title: "Sign-in failed.", detail: "Unknown user name or wrong password.");
        }).AllowAnonymous().WithSummary("Sign in; sets the authentication cookie. Locks the account after 5 failures.");

        group.MapPost("/logout", async (SignInManager<LfrUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).WithSummary("Sign out.");

        group.MapGet("/me", async (HttpContext http, UserManager<LfrUser> users) =>
        {
            var user = await users.GetUserAsync(http.User);
            return user is null ? Results.Unauthorized() : Results.Ok(new MeResponse(user.Id, user.UserName!, user.DisplayName, user.Rank, (await users.GetRolesAsync(user)).ToList()));
        }).WithSummary("The signed-in user and roles.");

        group.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new AntiforgeryResponse(tokens.HeaderName!, tokens.RequestToken!));
        }).WithSummary("The CSRF token to send in X-CSRF-TOKEN on state-changing requests (fetch after signing in).");
    }
}
