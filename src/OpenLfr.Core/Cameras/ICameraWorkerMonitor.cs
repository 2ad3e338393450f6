namespace OpenLfr.Core.Cameras;

/// <summary>
/// Implemented by the live pipeline's hosted service: the state of each camera worker, for /healthz and
/// the console's camera tiles. When none is registered the server reports that no worker is running.
/// </summary>
public interface ICameraWorkerMonitor
{
    IReadOnlyList<CameraWorkerState> Snapshot();
}

/// <param name="Healthy">False when the worker is stalled or restarting.</param>
/// <param name="LastFrameUtc">When the last frame arrived; null before the first.</param>
public sealed record CameraWorkerState(Guid CameraId, string Name, bool Healthy, double FramesPerSecondIn, double FramesPerSecondProcessed, long Dropped, int Restarts, DateTime? LastFrameUtc, string? Problem);
