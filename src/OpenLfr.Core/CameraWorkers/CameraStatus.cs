namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// How a camera is doing, as the node processing it last reported (one row per camera). The node holding the camera's
/// lease rewrites it on every poll; a node that could not start the camera writes why. Every server reads these rows for
/// the console's camera tiles and /healthz, so cameras processed by any node are visible on every node. A row not
/// rewritten for longer than a lease is stale: its node stopped reporting (crashed, lost the database).
/// </summary>
public sealed class CameraStatus
{
    public Guid CameraId { get; set; }
    /// <summary>The node that wrote this report (<see cref="CameraWorkerOptions.NodeId"/>).</summary>
    public string NodeId { get; set; } = "";
    public bool Healthy { get; set; }
    public double FpsIn { get; set; }
    public double FpsProcessed { get; set; }
    public long Dropped { get; set; }
    public int Restarts { get; set; }
    public DateTime? LastFrameUtc { get; set; }
    /// <summary>Why the camera is not healthy (stalled, failed to start, source ended); null when it is.</summary>
    public string? Problem { get; set; }
    /// <summary>When the node wrote this report, on the node's clock.</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The node has not reported for longer than <paramref name="lease"/>: what the row says may no longer be true.</summary>
    public bool IsStale(DateTime nowUtc, TimeSpan lease) => UpdatedAtUtc < nowUtc - lease;

    public string StaleProblem => $"no report from node {NodeId} since {UpdatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC";

    public const int MaxProblemLength = 2000;
}
