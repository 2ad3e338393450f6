namespace OpenLfr.Vision.Video;

/// <summary>
/// One camera's capture settings. Frames reach the pipeline as rgb24 at <see cref="Width"/> x
/// <see cref="Height"/> and at most <see cref="Fps"/> frames per second: ffmpeg does the decoding, the
/// frame-rate reduction and the scaling, so the detector never sees more pixels than it needs.
/// </summary>
public sealed record CameraOptions
{
    /// <summary>A short name used in stats, logs and alerts.</summary>
    public required string Name { get; init; }

    /// <summary>File path, rtsp://, http(s)://, tcp:// URL or /dev/videoN.</summary>
    public required string Source { get; init; }

    /// <summary>Detect width in pixels (the frame size the pipeline receives).</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Detect height in pixels.</summary>
    public int Height { get; init; } = 720;

    /// <summary>Detect frame rate; ffmpeg drops frames above it (fps filter).</summary>
    public double Fps { get; init; } = 10;

    /// <summary>For files: read at the file's native rate (-re) as if it were live. Without it a file is read as fast as possible.</summary>
    public bool RealTime { get; init; }

    /// <summary>
    /// For files read without <see cref="RealTime"/>: process every frame in order instead of dropping
    /// (offline evaluation). Live sources always drop when behind.
    /// </summary>
    public bool Lossless { get; init; }

    /// <summary>For RTSP: "tcp" (default, reliable) or "udp".</summary>
    public string RtspTransport { get; init; } = "tcp";

    /// <summary>The watchdog restarts ffmpeg when no frame arrived for this long.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First restart delay; doubles per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Frame buffers in the pool: one being written, one being processed, the rest waiting. At least 3.</summary>
    public int PoolSize { get; init; } = 4;

    /// <summary>
    /// Restart when a finite source (a file) ends. Off by default: the end of a file is the end of the
    /// stream. Live sources are always restarted.
    /// </summary>
    public bool LoopFile { get; init; }

    /// <summary>The kind of source, inferred from <see cref="Source"/>.</summary>
    public CameraSourceKind Kind => KindOf(Source);

    public static CameraSourceKind KindOf(string source)
    {
        if (source.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase))
            return CameraSourceKind.Rtsp;
        if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return CameraSourceKind.Http;
        if (source.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
            return CameraSourceKind.Tcp;
        if (source.StartsWith("/dev/video", StringComparison.Ordinal))
            return CameraSourceKind.V4l2;
        return CameraSourceKind.File;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting and the accepted range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("Camera name is empty; give each camera a short name.");
        if (string.IsNullOrWhiteSpace(Source)) throw new ArgumentException($"Camera '{Name}': source is empty; give a file, rtsp://, http(s)://, tcp:// URL or /dev/videoN.");
        if (Width < 16 || Height < 16 || Width > 7680 || Height > 4320 || Width % 2 != 0 || Height % 2 != 0)
            throw new ArgumentException($"Camera '{Name}': detect size {Width}x{Height} is invalid; use even sizes between 16x16 and 7680x4320.");
        if (!(Fps > 0 && Fps <= 120)) throw new ArgumentException($"Camera '{Name}': fps {Fps} is invalid; use a value in (0, 120].");
        if (RtspTransport is not ("tcp" or "udp")) throw new ArgumentException($"Camera '{Name}': RTSP transport '{RtspTransport}' is invalid; use tcp or udp.");
        if (PoolSize < 3) throw new ArgumentException($"Camera '{Name}': pool size {PoolSize} is too small; use at least 3 buffers.");
        if (StallTimeout <= TimeSpan.Zero) throw new ArgumentException($"Camera '{Name}': stall timeout must be positive.");
        if (Kind == CameraSourceKind.File && !System.IO.File.Exists(Source))
            throw new FileNotFoundException($"Camera '{Name}': video file {Source} does not exist; give an existing file or a stream URL.", Source);
    }
}
