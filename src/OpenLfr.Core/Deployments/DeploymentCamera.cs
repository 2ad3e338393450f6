namespace OpenLfr.Core.Deployments;

/// <summary>A camera used by a deployment.</summary>
public sealed class DeploymentCamera
{
    public Guid DeploymentId { get; set; }
    public Guid CameraId { get; set; }
}
