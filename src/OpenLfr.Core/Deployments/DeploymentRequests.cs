namespace OpenLfr.Core.Deployments;

/// <summary>
/// The governance record written before a deployment (all required but <paramref name="Threshold"/>: without one
/// the server embedder's default applies; with one it must be at least the policy minimum).
/// </summary>
public sealed record DeploymentRequest(
    string? Name,
    string? Place,
    string? PlaceJustification,
    string? Purpose,
    string? Necessity,
    string? Proportionality,
    Guid? WatchlistId,
    IReadOnlyList<Guid>? CameraIds,
    DateTime? StartsAtUtc,
    DateTime? EndsAtUtc,
    double? Threshold = null);

/// <param name="Rank">The authorising officer's rank (superintendent or above).</param>
public sealed record AuthoriseRequest(string? Rank, string? Notes);

/// <param name="SignageConfirmed">Signs are up and leaflets are available at the place.</param>
public sealed record ActivateRequest(bool SignageConfirmed);

public sealed record EndRequest(string? Reason);

public sealed record ReviewRequest(string? Conclusions);
