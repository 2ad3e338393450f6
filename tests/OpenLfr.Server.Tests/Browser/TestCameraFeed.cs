using System.Collections.Concurrent;
using OpenLfr.Core.Cameras;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// TEST DOUBLE for the live pipeline's two console ports (worker health and the latest blurred frame), so the
/// browser test can check the camera tiles and the live view; the pipeline itself is tested where it lives.
/// </summary>
public sealed class TestCameraFeed : ICameraWorkerMonitor, ILiveFrameSource
{
    private readonly ConcurrentDictionary<Guid, (CameraWorkerState State, LiveFrame Frame)> _cameras = new();

    public void Run(Guid cameraId, string name, byte[] blurredJpeg, double fps, long dropped)
    {
        var now = DateTime.UtcNow;
        _cameras[cameraId] = (new CameraWorkerState(cameraId, name, true, fps, fps - 0.5, dropped, 0, now, null), new LiveFrame(blurredJpeg, now, 480, 270));
    }

    public IReadOnlyList<CameraWorkerState> Snapshot() => _cameras.Values.Select(v => v.State with { LastFrameUtc = DateTime.UtcNow }).ToList();

    public LiveFrame? Latest(Guid cameraId) => _cameras.TryGetValue(cameraId, out var v) ? v.Frame : null;
}
