using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Deployments;

/// <summary>
/// The one question camera workers ask before processing a frame: is this camera part of a deployment
/// that is Active and inside its authorised window now? No assignment means no processing (frames are
/// dropped unseen). Workers re-ask at least every few seconds and stop at <see cref="CameraAssignment.EndsAtUtc"/>.
/// </summary>
public sealed class CameraProcessingGate(LfrDbContext db, TimeProvider clock)
{
    public async Task<CameraAssignment?> GetAssignmentAsync(Guid cameraId, CancellationToken ct = default)
    {
        var now = Timestamps.Now(clock);
        return await db.Deployments.AsNoTracking()
            .Where(d => d.Status == DeploymentStatus.Active && d.StartsAtUtc <= now && now < d.EndsAtUtc && d.Cameras.Any(c => c.CameraId == cameraId))
            .Select(d => new CameraAssignment(d.Id, cameraId, d.WatchlistId, d.Threshold, d.EndsAtUtc, d.Embedder,
                db.SubjectImages.Count(i => i.Subject!.WatchlistId == d.WatchlistId && i.EncryptedTemplate != null)))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Adds finished face tracks to the "faces seen" figures of the deployment and of the camera within it (no biometric
    /// data involved), both or neither: the deployment's figure stays the sum of its cameras'.
    /// </summary>
    public async Task AddFacesSeenAsync(Guid deploymentId, Guid cameraId, int tracks, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tracks);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cameras = await db.DeploymentCameras.Where(c => c.DeploymentId == deploymentId && c.CameraId == cameraId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FacesSeen, c => c.FacesSeen + tracks), ct);
        if (cameras != 1) throw new InvalidOperationException($"Camera {cameraId} is not part of deployment {deploymentId}; its faces seen cannot be counted.");
        await db.Deployments.Where(d => d.Id == deploymentId).ExecuteUpdateAsync(s => s.SetProperty(d => d.FacesSeen, d => d.FacesSeen + tracks), ct);
        await transaction.CommitAsync(ct);
    }
}
