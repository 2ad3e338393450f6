using OpenLfr.Core.Deployments;
using OpenLfr.Core.Identity;
using OpenLfr.Server.Auth;

namespace OpenLfr.Server.Deployments;

public static class DeploymentEndpoints
{
    public static void MapDeploymentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deployments").WithTags("Deployments");

        group.MapGet("/", (DeploymentService deployments, CancellationToken ct) => deployments.ListAsync(ct))
            .RequireRoles(Roles.All.ToArray()).WithSummary("All deployments, newest first.");
        group.MapGet("/{id:guid}", (Guid id, DeploymentService deployments, CancellationToken ct) => deployments.GetAsync(id, ct))
            .RequireRoles(Roles.All.ToArray()).WithSummary("One deployment's record.");

        group.MapPost("/", async (DeploymentRequest request, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
        {
            var deployment = await deployments.CreateAsync(http.User.ToActor(), request, ct);
            return Results.Created($"/api/deployments/{deployment.Id}", deployment);
        }).RequireRoles(Roles.WatchlistManager, Roles.AuthorisingOfficer)
          .WithSummary("Create a draft: place and its justification, purpose, necessity, proportionality, watchlist, cameras, window (policy maximum), threshold (policy minimum).");

        group.MapPut("/{id:guid}", (Guid id, DeploymentRequest request, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            deployments.UpdateAsync(http.User.ToActor(), id, request, ct))
            .RequireRoles(Roles.WatchlistManager, Roles.AuthorisingOfficer).WithSummary("Change a draft.");

        group.MapPost("/{id:guid}/authorise", (Guid id, AuthoriseRequest request, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            deployments.AuthoriseAsync(http.User.ToActor(), id, request, ct))
            .RequireRoles(Roles.AuthorisingOfficer).WithSummary("Authorise a draft (not by its creator); records rank and time.");

        group.MapPost("/{id:guid}/activate", (Guid id, ActivateRequest request, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            deployments.ActivateAsync(http.User.ToActor(), id, request, ct))
            .RequireRoles(Roles.Operator, Roles.AuthorisingOfficer).WithSummary("Start processing: only inside the authorised window, with signage confirmed.");

        group.MapPost("/{id:guid}/end", (Guid id, EndRequest request, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            deployments.EndAsync(http.User.ToActor(), id, request, ct))
            .RequireRoles(Roles.Operator, Roles.AuthorisingOfficer).WithSummary("End early (deployments also end automatically at the window's end).");

        group.MapPost("/{id:guid}/review", (Guid id, ReviewRequest request, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            deployments.ReviewAsync(http.User.ToActor(), id, request, ct))
            .RequireRoles(Roles.AuthorisingOfficer).WithSummary("Post-deployment review: freezes the figures with the conclusions.");
    }
}
