using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.CameraWorkers;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// TEST DOUBLE for the camera workers of the server's own node: it reports a camera's health to the database the way
/// the workers do (<see cref="CameraStatuses"/>, under this server's node id) and serves the latest blurred frame
/// (<see cref="ILiveFrameSource"/>), so the browser test can check the camera tiles and the live view; the pipeline
/// itself is tested where it lives.
/// </summary>
public sealed class TestCameraFeed : ILiveFrameSource
{
    private readonly ConcurrentDictionary<Guid, LiveFrame> _frames = new();

    /// <summary>The server's services; set once it is built.</summary>
    public IServiceProvider? Services { get; set; }

    public async Task RunAsync(Guid cameraId, string name, byte[] blurredJpeg, double fps, long dropped)
    {
        var services = Services ?? throw new InvalidOperationException("The server is not started.");
        var now = DateTime.UtcNow;
        _frames[cameraId] = new LiveFrame(blurredJpeg, now, 480, 270);
        var options = services.GetRequiredService<IOptions<CameraWorkerOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CameraStatuses>().ReportAsync(options.NodeId,
            new CameraWorkerState(cameraId, name, true, fps, fps - 0.5, dropped, 0, now, null), holdsLease: true, options.LeaseDuration);
    }

    public LiveFrame? Latest(Guid cameraId) => _frames.TryGetValue(cameraId, out var frame) ? frame : null;
}
