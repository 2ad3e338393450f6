using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Cameras;

/// <summary>Registers cameras that deployments can use.</summary>
public sealed class CameraService(LfrDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<CameraView> CreateAsync(Actor actor, CreateCameraRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        errors.Require("name", request.Name, 200);
        errors.Require("source", request.Source, 2000);
        errors.ThrowIfAny();
        var name = request.Name!.Trim();
        if (await db.Cameras.AnyAsync(c => c.Name == name, ct)) throw DomainException.Conflict($"A camera named '{name}' already exists.");
        var camera = new Camera { Id = Guid.NewGuid(), Name = name, Source = request.Source!.Trim(), Description = request.Description?.Trim(), CreatedAtUtc = Timestamps.Now(clock) };
        db.Cameras.Add(camera);
        await audit.CommitAsync(db, actor, new AuditEvent("camera.created", "camera", camera.Id.ToString(), new { camera.Name }), ct);
        return CameraView.From(camera);
    }

    public async Task<IReadOnlyList<CameraView>> ListAsync(CancellationToken ct = default) =>
        (await db.Cameras.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(CameraView.From).ToList();
}

public sealed record CreateCameraRequest(string? Name, string? Source, string? Description);

public sealed record CameraView(Guid Id, string Name, string Source, string? Description)
{
    public static CameraView From(Camera c) => new(c.Id, c.Name, c.Source, c.Description);
}
