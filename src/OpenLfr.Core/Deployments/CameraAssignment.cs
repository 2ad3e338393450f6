namespace OpenLfr.Core.Deployments;

/// <summary>
/// What a camera worker may do right now: match against this watchlist at this threshold (set for
/// <see cref="Embedder"/>, empty if not recorded) until <see cref="EndsAtUtc"/>. <see cref="WatchlistTemplates"/> is the
/// watchlist's size now (enrolled templates): the policy's minimum threshold depends on it
/// (<see cref="Policy.ThresholdPolicy.AlertThreshold"/>), and a worker restarts when it changes.
/// </summary>
public sealed record CameraAssignment(Guid DeploymentId, Guid CameraId, Guid WatchlistId, double Threshold, DateTime EndsAtUtc, string Embedder = "", int WatchlistTemplates = 0);
