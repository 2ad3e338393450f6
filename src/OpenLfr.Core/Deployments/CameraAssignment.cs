namespace OpenLfr.Core.Deployments;

/// <summary>
/// What a camera worker may do right now: match against this watchlist at this threshold (set for
/// <see cref="Embedder"/>, empty if not recorded) until <see cref="EndsAtUtc"/>.
/// </summary>
public sealed record CameraAssignment(Guid DeploymentId, Guid CameraId, Guid WatchlistId, double Threshold, DateTime EndsAtUtc, string Embedder = "");
