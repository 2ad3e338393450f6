using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Identity;
using OpenLfr.Server.Auth;

namespace OpenLfr.Server.Cameras;

public static class CameraEndpoints
{
    public static void MapCameraEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cameras").WithTags("Cameras");
        group.MapGet("/", (CameraService cameras, CancellationToken ct) => cameras.ListAsync(ct))
            .RequireRoles(Roles.All.ToArray()).WithSummary("Registered cameras.");
        group.MapPost("/", async (CreateCameraRequest request, HttpContext http, CameraService cameras, CancellationToken ct) =>
        {
            var camera = await cameras.CreateAsync(http.User.ToActor(), request, ct);
            return Results.Created($"/api/cameras/{camera.Id}", camera);
        }).RequireRoles(Roles.Administrator).WithSummary("Register a camera.");
        group.MapGet("/{cameraId:guid}/assignment", async (Guid cameraId, CameraProcessingGate gate, CancellationToken ct) =>
            await gate.GetAssignmentAsync(cameraId, ct) is { } a ? Results.Ok(a) : Results.NoContent())
            .RequireRoles(Roles.Administrator, Roles.Operator)
            .WithSummary("The deployment this camera may process for now; 204 when it must not process (no active deployment inside its window).");
    }
}
