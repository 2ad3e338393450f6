namespace OpenLfr.Core.Deployments;

/// <summary>The lifecycle: Draft -> Authorised -> Active -> Ended -> Reviewed, in that order only.</summary>
public enum DeploymentStatus
{
    Draft,
    Authorised,
    Active,
    Ended,
    Reviewed,
}
