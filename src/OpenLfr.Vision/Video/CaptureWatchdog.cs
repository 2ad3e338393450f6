using System.Diagnostics;

namespace OpenLfr.Vision.Video;

/// <summary>
/// Keeps one camera's ffmpeg running (Frigate's camera watchdog): starts it, checks a few times a
/// second whether it exited or stalled (no frame for <see cref="CameraOptions.StallTimeout"/>), and
/// restarts it with <see cref="RestartBackoff"/>, counting restarts. A file that reaches its end
/// completes the stream instead (unless <see cref="CameraOptions.LoopFile"/>).
/// </summary>
internal sealed class CaptureWatchdog
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly CameraOptions _camera;
    private readonly FramePool _pool;
    private readonly CameraStats _stats;
    private readonly BoundedLog _log;
    private readonly RestartBackoff _backoff;
    private long _sequence;

    public CaptureWatchdog(CameraOptions camera, FramePool pool, CameraStats stats, BoundedLog log)
    {
        _camera = camera;
        _pool = pool;
        _stats = stats;
        _log = log;
        _backoff = new RestartBackoff(camera.InitialBackoff, camera.MaxBackoff);
    }

    /// <summary>Set when a file source could not be read at all; the stream then completes.</summary>
    public string? Error { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var streamTime = 0.0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var reader = new FfmpegFrameReader(_camera, _pool, _stats, _log, () => Interlocked.Increment(ref _sequence) - 1, streamTime);
                var outcome = await SuperviseAsync(reader, cancellationToken).ConfigureAwait(false);
                reader.Stop();
                streamTime += reader.FramesRead / _camera.Fps;
                if (cancellationToken.IsCancellationRequested) break;

                if (_camera.Kind == CameraSourceKind.File && !_camera.LoopFile && outcome == RunOutcome.Exited)
                {
                    if (reader.FramesRead == 0 && _sequence == 0)
                        Error = $"ffmpeg could not read {_camera.Source} (exit code {reader.ExitCode}): {_log.Tail()}";
                    break;
                }
                if (reader.FramesRead > 0) _backoff.Reset();
                var delay = _backoff.NextDelay();
                _log.Add($"[openlfr] camera {_camera.Name}: ffmpeg {(outcome == RunOutcome.Stalled ? "stalled" : "exited")}; restart #{_backoff.Failures} in {delay.TotalSeconds:0.#} s");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                _stats.Restarted();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _pool.Complete();
        }
    }

    private async Task<RunOutcome> SuperviseAsync(FfmpegFrameReader reader, CancellationToken cancellationToken)
    {
        try
        {
            reader.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or FileNotFoundException)
        {
            _log.Add($"[openlfr] cannot start ffmpeg: {e.Message}");
            return RunOutcome.Exited;
        }
        while (true)
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            if (reader.Finished) return RunOutcome.Exited;
            // Stall: time since the last frame of this run, or since the start if none came yet.
            var last = Math.Max(_stats.LastFrameTicks, reader.StartedTicks);
            var silent = (double)(Stopwatch.GetTimestamp() - last) / Stopwatch.Frequency;
            if (silent > _camera.StallTimeout.TotalSeconds)
            {
                _log.Add($"[openlfr] camera {_camera.Name}: no frame for {silent:0.0} s");
                return RunOutcome.Stalled;
            }
        }
    }

    private enum RunOutcome { Exited, Stalled }
}
