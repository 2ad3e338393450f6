using System.Diagnostics;
using OpenLfr.Vision.Media;

namespace OpenLfr.Vision.Video;

/// <summary>
/// One run of ffmpeg for one camera: starts the process and a dedicated reader thread that reads
/// exactly one frame's bytes at a time from stdout into a pool buffer and publishes it. stderr goes
/// to a <see cref="BoundedLog"/>. It never restarts itself: that is the <see cref="CaptureWatchdog"/>'s job.
/// </summary>
internal sealed class FfmpegFrameReader : IDisposable
{
    private readonly CameraOptions _camera;
    private readonly FramePool _pool;
    private readonly CameraStats _stats;
    private readonly BoundedLog _log;
    private readonly Func<long> _nextSequence;
    private readonly double _streamTimeOffset;
    private readonly Process _process;
    private readonly Thread _reader;
    private long _framesRead;
    private volatile bool _stopping;

    public FfmpegFrameReader(CameraOptions camera, FramePool pool, CameraStats stats, BoundedLog log, Func<long> nextSequence, double streamTimeOffset)
    {
        _camera = camera;
        _pool = pool;
        _stats = stats;
        _log = log;
        _nextSequence = nextSequence;
        _streamTimeOffset = streamTimeOffset;
        var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var a in FfmpegCaptureArguments.For(camera)) psi.ArgumentList.Add(a);
        _process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) _log.Add(line); };
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"capture:{camera.Name}" };
    }

    public long FramesRead => Interlocked.Read(ref _framesRead);

    /// <summary>Stopwatch timestamp when the process started.</summary>
    public long StartedTicks { get; private set; }

    /// <summary>True once ffmpeg exited and the reader finished draining stdout.</summary>
    public bool Finished => !_reader.IsAlive && StartedTicks != 0;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public void Start()
    {
        _process.Start();
        _process.BeginErrorReadLine();
        StartedTicks = Stopwatch.GetTimestamp();
        _reader.Start();
    }

    private void ReadLoop()
    {
        var stdout = _process.StandardOutput.BaseStream;
        var frameBytes = _pool.Width * _pool.Height * 3;
        try
        {
            while (!_stopping)
            {
                var frame = _pool.RentForWrite();
                if (frame is null)
                {
                    // Every buffer is held by the consumer; wait rather than allocate.
                    Thread.Sleep(5);
                    continue;
                }
                if (!ReadExactly(stdout, frame.Image.Pixels, frameBytes))
                {
                    _pool.CancelWrite(frame);
                    break;
                }
                var index = Interlocked.Increment(ref _framesRead) - 1;
                var ticks = Stopwatch.GetTimestamp();
                var now = DateTimeOffset.UtcNow;
                frame.Sequence = _nextSequence();
                frame.ArrivedAt = now;
                frame.ArrivedTicks = ticks;
                frame.StreamTime = _streamTimeOffset + index / _camera.Fps;
                _stats.FrameArrived(now, ticks);
                _pool.Publish(frame);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            if (!_stopping) _log.Add($"[openlfr] reading frames failed: {e.Message}");
        }
    }

    private static bool ReadExactly(Stream stream, byte[] buffer, int count)
    {
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    /// <summary>Kills ffmpeg (if running) and waits for the reader thread to end.</summary>
    public void Stop()
    {
        _stopping = true;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _reader.Join(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
