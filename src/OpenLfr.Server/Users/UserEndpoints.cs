using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Persistence;
using OpenLfr.Server.Auth;

namespace OpenLfr.Server.Users;

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, string? Rank, IReadOnlyList<string>? Roles);

public sealed record UserView(Guid Id, string UserName, string DisplayName, string? Rank, IReadOnlyList<string> Roles, DateTimeOffset? LockoutEnd);

public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireRoles(Roles.Administrator);

        group.MapGet("/", async (UserManager<LfrUser> users, CancellationToken ct) =>
        {
            var list = await users.Users.OrderBy(u => u.UserName).ToListAsync(ct);
            var views = new List<UserView>();
            foreach (var u in list) views.Add(new UserView(u.Id, u.UserName!, u.DisplayName, u.Rank, (await users.GetRolesAsync(u)).ToList(), u.LockoutEnd));
            return views;
        }).WithSummary("All users and their roles.");

        group.MapPost("/", async (CreateUserRequest request, HttpContext http, UserManager<LfrUser> users, LfrDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            errors.Require("userName", request.UserName, 100);
            errors.Require("displayName", request.DisplayName, 200);
            if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "password is required.");
            if (request.Roles is null || request.Roles.Count == 0) errors.Add("roles", $"At least one role is required: {string.Join(", ", Roles.All)}.");
            else foreach (var r in request.Roles.Where(r => !Roles.All.Contains(r))) errors.Add("roles", $"Unknown role '{r}'; roles are {string.Join(", ", Roles.All)}.");
            errors.ThrowIfAny();
            if (await users.FindByNameAsync(request.UserName!.Trim()) is not null) throw DomainException.Conflict($"User '{request.UserName}' already exists.");
            var user = new LfrUser { Id = Guid.NewGuid(), UserName = request.UserName.Trim(), DisplayName = request.DisplayName!.Trim(), Rank = request.Rank?.Trim(), LockoutEnabled = true };
            // Identity saves users itself; password rules are checked before anything is written.
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, request.Password!);
                if (!check.Succeeded) throw DomainException.Validation("password", string.Join(" ", check.Errors.Select(e => e.Description)));
            }
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded) throw DomainException.Validation("userName", string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, request.Roles!.Distinct());
            await audit.CommitAsync(db, http.User.ToActor(), new AuditEvent("user.created", "user", user.Id.ToString(), new { user.UserName, roles = request.Roles, user.Rank }), ct);
            return Results.Created($"/api/users/{user.Id}", new UserView(user.Id, user.UserName, user.DisplayName, user.Rank, request.Roles!.Distinct().ToList(), null));
        }).WithSummary("Create a user with one or more roles.");
    }
}
