namespace OpenLfr.Core.Cameras;

/// <summary>
/// Implemented by the live pipeline: the newest frame of each running camera with every face that is not an
/// alert already blurred, for the console's live view. Kept in memory only (never written); thread-safe.
/// When none is registered the console says no live view is available.
/// </summary>
public interface ILiveFrameSource
{
    /// <returns>The latest blurred frame, or null when the camera has none (not running, or no frame yet).</returns>
    LiveFrame? Latest(Guid cameraId);
}

/// <param name="Jpeg">The frame as JPEG, faces that are not alerts blurred.</param>
public sealed record LiveFrame(byte[] Jpeg, DateTime CapturedUtc, int Width, int Height);
