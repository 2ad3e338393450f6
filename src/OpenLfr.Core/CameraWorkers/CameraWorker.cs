using OpenLfr.Core.Cameras;
using OpenLfr.Core.Live;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// One camera processing for one deployment: the capture, the live pipeline, its face analysis and the
/// deployment's watchlist gallery, all in memory only while it runs. Faces seen are written to the
/// database by the service as deltas of <see cref="Tracks"/>, so nothing that matters lives only here.
/// </summary>
internal sealed class CameraWorker(CameraWork work, CameraCapture capture, LivePipeline pipeline, IDisposable analyzer, IDisposable matcher, DateTimeOffset startedAt)
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public CameraWork Work { get; } = work;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public LivePipeline Pipeline { get; } = pipeline;

    /// <summary>Tracks already added to the deployment's faces seen.</summary>
    public long TracksRecorded { get; set; }

    /// <summary>Distinct faces (confirmed tracks) seen so far.</summary>
    public long Tracks => Pipeline.Stats.Tracks;

    public bool IsFinished => _run is { IsCompleted: true };

    /// <summary>Why the pipeline stopped on its own (an exception or the capture's error), if it did.</summary>
    public string? Problem => _run is { IsFaulted: true } t ? t.Exception!.GetBaseException().Message : capture.Error;

    public void Start() => _run = Task.Run(() => Pipeline.RunAsync(_stop.Token));

    /// <summary>Stops capture and pipeline; the pipeline zeroes all held evidence as it ends.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            try { await _run.ConfigureAwait(false); }
            catch (Exception) { /* reported through Problem */ }
        }
        await capture.DisposeAsync().ConfigureAwait(false);
        analyzer.Dispose();
        matcher.Dispose();
        _stop.Dispose();
    }

    public CameraWorkerState State(TimeSpan stallTimeout, DateTimeOffset now)
    {
        var s = capture.Stats.Snapshot();
        var problem = IsFinished ? Problem ?? "the source ended" : capture.Error;
        var stalled = s.LastFrameAt is { } last ? now - last > stallTimeout : now - StartedAt > stallTimeout;
        if (problem is null && stalled) problem = s.LastFrameAt is null ? "no frame received yet" : "no frame recently";
        return new CameraWorkerState(Work.CameraId, Work.CameraName, problem is null, s.FpsIn, s.FpsProcessed, s.Dropped, (int)s.Restarts, s.LastFrameAt?.UtcDateTime, problem);
    }
}

/// <summary>What the database says a camera must do now: process for this deployment, against this watchlist, at this threshold.</summary>
public sealed record CameraWork(Guid DeploymentId, Guid CameraId, string CameraName, string Source, Guid WatchlistId, double Threshold, DateTime EndsAtUtc, string Embedder = "", int WatchlistTemplates = 0);
