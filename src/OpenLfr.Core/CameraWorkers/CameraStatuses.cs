using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// The camera status table (<see cref="CameraStatus"/>): nodes write what their cameras are doing, servers read every
/// node's reports. Like <see cref="CameraLeases"/>, each write is one conditional statement (or an insert guarded by
/// the primary key), so two nodes never interleave one row on SQLite or PostgreSQL.
/// </summary>
public sealed class CameraStatuses(LfrDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Writes <paramref name="node"/>'s report on one camera. A lease holder (<paramref name="holdsLease"/>) always
    /// overwrites; a node reporting a camera it could not start overwrites only its own report, a stale one
    /// (older than <paramref name="lease"/>) or none, so it never hides the node that runs the camera now.
    /// </summary>
    /// <returns>False when another node's fresh report was left in place (or the camera was deleted).</returns>
    public async Task<bool> ReportAsync(string node, CameraWorkerState state, bool holdsLease, TimeSpan lease, CancellationToken ct = default)
    {
        var now = Timestamps.Now(clock);
        var staleBefore = now - lease;
        var problem = state.Problem is { Length: > CameraStatus.MaxProblemLength } p ? p[..CameraStatus.MaxProblemLength] : state.Problem;
        var lastFrame = state.LastFrameUtc is { } t ? Timestamps.Truncate(t) : (DateTime?)null;
        var updated = await db.CameraStatuses
            .Where(s => s.CameraId == state.CameraId && (holdsLease || s.NodeId == node || s.UpdatedAtUtc < staleBefore))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.NodeId, node)
                .SetProperty(s => s.Healthy, state.Healthy)
                .SetProperty(s => s.FpsIn, state.FramesPerSecondIn)
                .SetProperty(s => s.FpsProcessed, state.FramesPerSecondProcessed)
                .SetProperty(s => s.Dropped, state.Dropped)
                .SetProperty(s => s.Restarts, state.Restarts)
                .SetProperty(s => s.LastFrameUtc, lastFrame)
                .SetProperty(s => s.Problem, problem)
                .SetProperty(s => s.UpdatedAtUtc, now), ct);
        if (updated == 1) return true;
        if (await db.CameraStatuses.AnyAsync(s => s.CameraId == state.CameraId, ct)) return false;
        var row = new CameraStatus
        {
            CameraId = state.CameraId, NodeId = node, Healthy = state.Healthy, FpsIn = state.FramesPerSecondIn, FpsProcessed = state.FramesPerSecondProcessed,
            Dropped = state.Dropped, Restarts = state.Restarts, LastFrameUtc = lastFrame, Problem = problem, UpdatedAtUtc = now,
        };
        db.CameraStatuses.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node inserted the row first, or the camera was deleted.
            return false;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Deletes <paramref name="node"/>'s reports on every camera except <paramref name="keep"/> (its cameras stopped).</summary>
    public Task<int> ClearAsync(string node, IReadOnlyCollection<Guid> keep, CancellationToken ct = default)
    {
        var ids = keep.ToList();
        return db.CameraStatuses.Where(s => s.NodeId == node && !ids.Contains(s.CameraId)).ExecuteDeleteAsync(ct);
    }

    /// <summary>Every node's reports (for the console's camera tiles and /healthz).</summary>
    public async Task<IReadOnlyList<CameraStatus>> ListAsync(CancellationToken ct = default) =>
        await db.CameraStatuses.AsNoTracking().ToListAsync(ct);
}
