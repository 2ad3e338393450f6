namespace OpenLfr.Core.Cameras;

/// <summary>A camera worker's state as its node measures it; the node writes it to the database (<see cref="CameraWorkers.CameraStatus"/>) every poll.</summary>
/// <param name="Healthy">False when the worker is stalled or restarting.</param>
/// <param name="LastFrameUtc">When the last frame arrived; null before the first.</param>
public sealed record CameraWorkerState(Guid CameraId, string Name, bool Healthy, double FramesPerSecondIn, double FramesPerSecondProcessed, long Dropped, int Restarts, DateTime? LastFrameUtc, string? Problem);
