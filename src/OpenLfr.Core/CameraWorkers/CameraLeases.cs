using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// The lease table (<see cref="CameraLease"/>). Every change is one conditional statement (or an insert guarded by
/// the primary key), so two nodes racing for a camera cannot both win, on SQLite or PostgreSQL. Times come from
/// the node's clock: keep node clocks within a small fraction of the lease duration of each other.
/// </summary>
public sealed class CameraLeases(LfrDbContext db, TimeProvider clock)
{
    /// <summary>Takes or renews the camera's lease for <paramref name="node"/> if it is free, expired or already ours.</summary>
    /// <returns>The node that held an expired lease we took over (empty string if none), or null if another node holds it.</returns>
    public async Task<string?> TryAcquireAsync(Guid cameraId, string node, TimeSpan duration, CancellationToken ct = default)
    {
        var now = Timestamps.Now(clock);
        var previous = await db.CameraLeases.AsNoTracking().Where(l => l.CameraId == cameraId).Select(l => new { l.NodeId, l.ExpiresAtUtc }).FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            if (previous.NodeId != node && previous.ExpiresAtUtc > now) return null;
            // Conditional on what we read: if another node renewed or took it meanwhile, nothing is updated.
            var updated = await db.CameraLeases
                .Where(l => l.CameraId == cameraId && l.NodeId == previous.NodeId && l.ExpiresAtUtc == previous.ExpiresAtUtc)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.NodeId, node)
                    .SetProperty(l => l.AcquiredAtUtc, l => l.NodeId == node ? l.AcquiredAtUtc : now)
                    .SetProperty(l => l.HeartbeatAtUtc, now)
                    .SetProperty(l => l.ExpiresAtUtc, Timestamps.Truncate(now + duration)), ct);
            return updated == 1 ? (previous.NodeId == node ? "" : previous.NodeId) : null;
        }
        var lease = new CameraLease { CameraId = cameraId, NodeId = node, AcquiredAtUtc = now, HeartbeatAtUtc = now, ExpiresAtUtc = Timestamps.Truncate(now + duration) };
        db.CameraLeases.Add(lease);
        try
        {
            await db.SaveChangesAsync(ct);
            return "";
        }
        catch (DbUpdateException)
        {
            // Another node inserted the row first (primary key), or the camera was deleted: not ours.
            return null;
        }
        finally
        {
            // Later calls work on the table with statements, not through this context's tracking.
            db.Entry(lease).State = EntityState.Detached;
        }
    }

    /// <summary>Renews the leases <paramref name="node"/> holds on <paramref name="cameraIds"/>; returns those it still holds.</summary>
    public async Task<IReadOnlySet<Guid>> RenewAsync(string node, IReadOnlyCollection<Guid> cameraIds, TimeSpan duration, CancellationToken ct = default)
    {
        if (cameraIds.Count == 0) return new HashSet<Guid>();
        var now = Timestamps.Now(clock);
        var expires = Timestamps.Truncate(now + duration);
        var ids = cameraIds.ToList();
        // Ours even if expired, as long as no other node took it over in the meantime.
        await db.CameraLeases.Where(l => l.NodeId == node && ids.Contains(l.CameraId))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.HeartbeatAtUtc, now).SetProperty(l => l.ExpiresAtUtc, expires), ct);
        return (await db.CameraLeases.AsNoTracking().Where(l => l.NodeId == node && ids.Contains(l.CameraId)).Select(l => l.CameraId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Gives up <paramref name="node"/>'s lease on one camera, or on all of them (null), so another node can take over at once.</summary>
    public Task<int> ReleaseAsync(string node, Guid? cameraId = null, CancellationToken ct = default) =>
        db.CameraLeases.Where(l => l.NodeId == node && (cameraId == null || l.CameraId == cameraId)).ExecuteDeleteAsync(ct);

    /// <summary>Every lease (for /healthz and diagnostics).</summary>
    public async Task<IReadOnlyList<CameraLease>> ListAsync(CancellationToken ct = default) =>
        await db.CameraLeases.AsNoTracking().OrderBy(l => l.NodeId).ToListAsync(ct);
}
