namespace OpenLfr.Core.Deployments;

/// <summary>
/// The governance record written before a deployment (all required but <paramref name="Threshold"/>: without one
/// the server embedder's default applies; with one it must be at least the policy minimum). A draft may lack the
/// DPIA and appropriate policy document references and the standalone confirmation; authorisation needs all three.
/// </summary>
/// <param name="DpiaReference">The reference of the data protection impact assessment covering this use.</param>
/// <param name="AppropriatePolicyDocumentReference">The reference of the appropriate policy document for the biometric processing.</param>
/// <param name="StandaloneConfirmed">The system is standalone: not linked to CCTV, body-worn video or ANPR.</param>
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
    double? Threshold = null,
    string? DpiaReference = null,
    string? AppropriatePolicyDocumentReference = null,
    bool StandaloneConfirmed = false);

/// <param name="Rank">The authorising officer's rank (superintendent or above).</param>
public sealed record AuthoriseRequest(string? Rank, string? Notes);

/// <param name="SignageConfirmed">Signs are up and leaflets are available at the place.</param>
public sealed record ActivateRequest(bool SignageConfirmed);

public sealed record EndRequest(string? Reason);

public sealed record ReviewRequest(string? Conclusions);
