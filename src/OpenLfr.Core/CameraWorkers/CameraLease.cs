namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// Which node (process running camera workers) processes a camera, until when. Several nodes may share one
/// database; a camera is processed only by the node holding its unexpired lease. The holder renews it on every
/// poll (<see cref="HeartbeatAtUtc"/>), releases it when it stops the camera or shuts down, and any node may take
/// over a lease that expired (its holder crashed or lost the database).
/// </summary>
public sealed class CameraLease
{
    public Guid CameraId { get; set; }
    public string NodeId { get; set; } = "";
    /// <summary>When this node took the lease (kept across renewals).</summary>
    public DateTime AcquiredAtUtc { get; set; }
    /// <summary>The holder's last renewal.</summary>
    public DateTime HeartbeatAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}
