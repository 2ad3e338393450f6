using OpenLfr.Core.Cameras;

namespace OpenLfr.Server.OperatorConsole.Cameras;

/// <summary>One camera's health as the console tile shows it.</summary>
/// <param name="State">"running", "stalled" or "not running".</param>
public sealed record CameraTile(Guid CameraId, string Name, string State, double? FpsIn, double? FpsProcessed, long? Dropped, int? Restarts,
    DateTime? LastFrameUtc, string? Problem)
{
    public static IReadOnlyList<CameraTile> Build(IReadOnlyDictionary<Guid, string> cameras, ICameraWorkerMonitor? monitor)
    {
        var workers = monitor?.Snapshot().ToDictionary(w => w.CameraId) ?? [];
        return cameras.OrderBy(c => c.Value, StringComparer.Ordinal).Select(c => workers.TryGetValue(c.Key, out var w)
            ? new CameraTile(c.Key, c.Value, w.Healthy ? "running" : "stalled", Math.Round(w.FramesPerSecondIn, 1), Math.Round(w.FramesPerSecondProcessed, 1),
                w.Dropped, w.Restarts, w.LastFrameUtc, w.Problem)
            : new CameraTile(c.Key, c.Value, "not running", null, null, null, null, null,
                monitor is null ? "no camera worker service in this server" : "no worker for this camera (is a deployment using it active?)")).ToList();
    }
}
