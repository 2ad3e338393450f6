namespace OpenLfr.Vision.Video;

/// <summary>
/// A camera as a stream of frames: ffmpeg under a watchdog, writing into a fixed <see cref="FramePool"/>.
/// Consume with <see cref="NextFrameAsync"/> (newest frame wins; dispose each frame). One consumer.
/// </summary>
public sealed class CameraCapture : IAsyncDisposable
{
    private readonly CaptureWatchdog _watchdog;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public CameraCapture(CameraOptions camera)
    {
        camera.Validate();
        Camera = camera;
        Frames = new FramePool(camera.Width, camera.Height, camera.PoolSize, lossless: camera.Kind == CameraSourceKind.File && !camera.RealTime && camera.Lossless);
        Stats = new CameraStats(camera.Name) { DroppedSource = () => Frames.Dropped };
        Log = new BoundedLog();
        _watchdog = new CaptureWatchdog(camera, Frames, Stats, Log);
    }

    public CameraOptions Camera { get; }
    public FramePool Frames { get; }
    public CameraStats Stats { get; }

    /// <summary>ffmpeg's recent stderr and the watchdog's notes (bounded).</summary>
    public BoundedLog Log { get; }

    /// <summary>Why a file source produced nothing (ffmpeg's message), once the stream completed; otherwise null.</summary>
    public string? Error => _watchdog.Error;

    /// <summary>True once <see cref="Start"/> was called.</summary>
    public bool IsStarted => _run is not null;

    public void Start()
    {
        if (_run is not null) throw new InvalidOperationException($"Camera '{Camera.Name}' is already started.");
        _run = Task.Run(() => _watchdog.RunAsync(_stop.Token));
    }

    /// <summary>
    /// The newest frame, or null when the stream ended (file end, or stopped) or nothing came within
    /// <paramref name="timeout"/>; check <see cref="IsCompleted"/> to tell them apart.
    /// </summary>
    public ValueTask<VideoFrame?> NextFrameAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Frames.TakeNewestAsync(timeout, cancellationToken);

    /// <summary>True once the watchdog stopped (file ended, unreadable file, or <see cref="StopAsync"/>).</summary>
    public bool IsCompleted => _run is { IsCompleted: true };

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null) await _run.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
