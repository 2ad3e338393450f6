namespace OpenLfr.Core.Cameras;

/// <summary>A camera known to the server; deployments name the cameras they use.</summary>
public sealed class Camera
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>What the capture process opens: a file, RTSP/HTTP URL, TCP address or V4L2 device.</summary>
    public string Source { get; set; } = "";
    public string? Description { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
