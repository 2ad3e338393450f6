using OpenLfr.Core.CameraWorkers;

namespace OpenLfr.Server.OperatorConsole.Cameras;

/// <summary>One camera's health as the console tile shows it, from the report of whichever node processes it.</summary>
/// <param name="State">"running", "stalled", "no report" (its node stopped reporting) or "not running".</param>
/// <param name="NodeId">The node that processes (or last reported) the camera; null when none does.</param>
public sealed record CameraTile(Guid CameraId, string Name, string State, double? FpsIn, double? FpsProcessed, long? Dropped, int? Restarts,
    DateTime? LastFrameUtc, string? Problem, string? NodeId)
{
    /// <param name="lease">A report older than this is stale (<see cref="CameraWorkerOptions.LeaseDuration"/>).</param>
    public static IReadOnlyList<CameraTile> Build(IReadOnlyDictionary<Guid, string> cameras, IReadOnlyList<CameraStatus> statuses, DateTime nowUtc, TimeSpan lease)
    {
        var reports = statuses.ToDictionary(s => s.CameraId);
        return cameras.OrderBy(c => c.Value, StringComparer.Ordinal).Select(c => reports.TryGetValue(c.Key, out var s)
            ? s.IsStale(nowUtc, lease)
                ? new CameraTile(c.Key, c.Value, "no report", null, null, null, null, s.LastFrameUtc, s.StaleProblem, s.NodeId)
                : new CameraTile(c.Key, c.Value, s.Healthy ? "running" : "stalled", Math.Round(s.FpsIn, 1), Math.Round(s.FpsProcessed, 1),
                    s.Dropped, s.Restarts, s.LastFrameUtc, s.Problem, s.NodeId)
            : new CameraTile(c.Key, c.Value, "not running", null, null, null, null, null,
                "no node processes this camera (is a deployment using it active?)", null)).ToList();
    }
}
