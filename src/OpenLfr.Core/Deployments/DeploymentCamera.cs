namespace OpenLfr.Core.Deployments;

/// <summary>A camera used by a deployment.</summary>
public sealed class DeploymentCamera
{
    public Guid DeploymentId { get; set; }
    public Guid CameraId { get; set; }
    /// <summary>Distinct face tracks this camera saw for the deployment (a count only); the deployment's figure is their sum.</summary>
    public long FacesSeen { get; set; }
}
