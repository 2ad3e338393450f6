using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Live;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Recognition;
using OpenLfr.Core.Watchlists;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// Runs the cameras the database says to run. Every <see cref="CameraWorkerOptions.PollInterval"/> it asks
/// <see cref="CameraProcessingGate"/>, for each registered camera, whether an Active deployment inside its
/// authorised window uses it; it starts a live pipeline for each such camera (gallery from the deployment's
/// enrolled templates, the deployment's threshold) and stops any camera whose deployment ended, left its
/// window or changed. Faces seen are added to the deployment row on every poll and when a camera stops, so a
/// restart loses at most one poll's worth of counting and never counts twice. Alerts go through the server's
/// recorder (stored before anyone is told). At the end of every poll it writes each of its cameras' state to the
/// database (<see cref="CameraStatuses"/>), which every server's console and /healthz read, so no state that matters
/// lives only here. Also this node's <see cref="ILiveFrameSource"/> (each running pipeline's <see cref="LiveView"/>):
/// frames are never written anywhere, so a camera's live view is on the node that processes it.
/// </summary>
public sealed class CameraWorkerService(
    IServiceScopeFactory scopes, IAlertRecorder alerts, IOptions<CameraWorkerOptions> options, IOptions<RecognitionOptions> recognition, TimeProvider clock, ILoggerFactory loggers)
    : BackgroundService, ILiveFrameSource
{
    private readonly CameraWorkerOptions _options = options.Value;
    private readonly string _embedder = recognition.Value.Embedder;
    private readonly ILogger _logger = loggers.CreateLogger<CameraWorkerService>();
    private readonly ConcurrentDictionary<Guid, CameraWorker> _workers = new();
    private readonly ConcurrentDictionary<Guid, Failure> _failures = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _finishedSeen = new();
    private DateTimeOffset _lastRenewed = DateTimeOffset.MinValue;

    private sealed record Failure(Guid DeploymentId, string CameraName, string Problem, DateTimeOffset At);

    /// <summary>Cameras processing now (for tests and diagnostics).</summary>
    public IReadOnlyCollection<Guid> RunningCameras => _workers.Where(w => !w.Value.IsFinished).Select(w => w.Key).ToList();

    /// <summary>This node's cameras as it measures them now: the running ones and those that failed to start.</summary>
    public IReadOnlyList<CameraWorkerState> Snapshot()
    {
        var now = DateTimeOffset.UtcNow; // capture times are wall-clock
        var states = _workers.Values.Select(w => w.State(_options.StallTimeout, now)).ToList();
        states.AddRange(_failures.Where(f => !_workers.ContainsKey(f.Key))
            .Select(f => new CameraWorkerState(f.Key, f.Value.CameraName, false, 0, 0, 0, 0, null, f.Value.Problem)));
        return states;
    }

    /// <summary>The running camera's newest picture with faces that are not alerts pixelated; null once it stopped or finished.</summary>
    public LiveFrame? Latest(Guid cameraId) =>
        _workers.TryGetValue(cameraId, out var worker) && !worker.IsFinished ? worker.Pipeline.View.Latest() : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _options.Validate();
        _logger.LogInformation("Camera workers started: polling every {Interval} for active deployments", _options.PollInterval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await TickAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly unreachable; the running cameras keep going and we ask again,
                    // but not beyond our leases: once they could have expired another node may have taken the cameras.
                    _logger.LogError(e, "Camera workers: could not refresh the camera assignments; retrying in {Interval}", _options.PollInterval);
                    if (!_workers.IsEmpty && clock.GetUtcNow() - _lastRenewed >= _options.LeaseDuration)
                    {
                        _logger.LogError("Camera workers: leases not renewed for {Lease}; stopping this node's cameras so no two nodes process one", _options.LeaseDuration);
                        foreach (var id in _workers.Keys.ToList()) await StopWorkerAsync(id, "its lease could not be renewed", CancellationToken.None, release: false).ConfigureAwait(false);
                    }
                }
                await Task.Delay(_options.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await StopAllAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // ExecuteAsync runs on the thread pool and may not have had its first turn when the host stops (then its
        // finally never runs): release this node's leases here in any case. A second call finds nothing to do.
        await StopAllAsync().ConfigureAwait(false);
    }

    /// <summary>Stops every camera of this node and releases its leases, so other nodes take the cameras over at once.</summary>
    public async Task StopAllAsync()
    {
        foreach (var id in _workers.Keys.ToList()) await StopWorkerAsync(id, "the server is stopping", CancellationToken.None).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CameraLeases>().ReleaseAsync(NodeId, null, CancellationToken.None).ConfigureAwait(false);
            await scope.ServiceProvider.GetRequiredService<CameraStatuses>().ClearAsync(NodeId, [], CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Unreleased leases expire on their own after LeaseDuration.
            _logger.LogWarning(e, "Camera workers: could not release node {Node}'s camera leases; they expire within {Lease}", NodeId, _options.LeaseDuration);
        }
    }

    /// <summary>This node's id in the camera lease table.</summary>
    public string NodeId => _options.NodeId;

    /// <summary>
    /// One reconciliation of running cameras with the database. Public for tests that drive it directly.
    /// Cameras are started only under this node's lease and stopped when the lease passed to another node.
    /// </summary>
    public async Task TickAsync(CancellationToken ct)
    {
        var wanted = await WantedAsync(ct).ConfigureAwait(false);

        // Renew our leases first; a camera whose lease another node took over (we were too slow to renew) stops here.
        IReadOnlySet<Guid> held;
        await using (var scope = scopes.CreateAsyncScope())
            held = await scope.ServiceProvider.GetRequiredService<CameraLeases>().RenewAsync(NodeId, _workers.Keys.ToList(), _options.LeaseDuration, ct).ConfigureAwait(false);
        _lastRenewed = clock.GetUtcNow();
        foreach (var cameraId in _workers.Keys.Where(id => !held.Contains(id)).ToList())
            await StopWorkerAsync(cameraId, "another node took over its lease", ct, release: false).ConfigureAwait(false);

        foreach (var (cameraId, worker) in _workers.ToList())
        {
            if (!wanted.TryGetValue(cameraId, out var work) || work != worker.Work)
                await StopWorkerAsync(cameraId, work is null ? "its deployment is no longer active inside its window" : "its deployment or camera changed", ct).ConfigureAwait(false);
            else if (worker.IsFinished)
                await HandleFinishedAsync(cameraId, worker, ct).ConfigureAwait(false);
        }
        foreach (var w in _workers.Values.ToList()) await RecordFacesSeenAsync(w, ct).ConfigureAwait(false);

        foreach (var (cameraId, work) in wanted)
        {
            if (_workers.ContainsKey(cameraId)) continue;
            if (_failures.TryGetValue(cameraId, out var failed) && failed.DeploymentId == work.DeploymentId && clock.GetUtcNow() - failed.At < _options.RetryAfter) continue;
            string? tookOverFrom;
            await using (var scope = scopes.CreateAsyncScope())
                tookOverFrom = await scope.ServiceProvider.GetRequiredService<CameraLeases>().TryAcquireAsync(cameraId, NodeId, _options.LeaseDuration, ct).ConfigureAwait(false);
            if (tookOverFrom is null)
            {
                // Another node processes it: our own earlier failure to start it is no longer this camera's state.
                _failures.TryRemove(cameraId, out _);
                continue;
            }
            if (tookOverFrom.Length > 0)
                _logger.LogWarning("Camera {Camera} ({CameraId}): node {Node} takes over from node {Previous}, whose lease expired", work.CameraName, cameraId, NodeId, tookOverFrom);
            if (!await StartWorkerAsync(work, ct).ConfigureAwait(false)) await ReleaseAsync(cameraId).ConfigureAwait(false);
        }
        foreach (var id in _failures.Keys.Where(id => !wanted.ContainsKey(id)).ToList()) _failures.TryRemove(id, out _);
        await ReportStatusAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes this node's cameras' state to the database for every server's console and /healthz, and removes its
    /// reports on cameras it no longer processes. Running cameras are ours under a lease renewed this poll.
    /// </summary>
    private async Task ReportStatusAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var statuses = scope.ServiceProvider.GetRequiredService<CameraStatuses>();
        var states = Snapshot();
        foreach (var state in states)
            await statuses.ReportAsync(NodeId, state, holdsLease: _workers.ContainsKey(state.CameraId), _options.LeaseDuration, ct).ConfigureAwait(false);
        await statuses.ClearAsync(NodeId, states.Select(s => s.CameraId).ToList(), ct).ConfigureAwait(false);
    }

    private async Task<Dictionary<Guid, CameraWork>> WantedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LfrDbContext>();
        var gate = scope.ServiceProvider.GetRequiredService<CameraProcessingGate>();
        var cameras = await db.Cameras.AsNoTracking().Select(c => new { c.Id, c.Name, c.Source }).ToListAsync(ct).ConfigureAwait(false);
        var wanted = new Dictionary<Guid, CameraWork>();
        foreach (var c in cameras)
        {
            // The same question AlertService asks before storing an alert, so workers and storage agree.
            if (await gate.GetAssignmentAsync(c.Id, ct).ConfigureAwait(false) is { } a)
                wanted[c.Id] = new CameraWork(a.DeploymentId, c.Id, c.Name, c.Source, a.WatchlistId, a.Threshold, a.EndsAtUtc, a.Embedder, a.WatchlistTemplates);
        }
        return wanted;
    }

    /// <summary>Gives up this node's lease on one camera (best effort: otherwise it expires).</summary>
    private async Task ReleaseAsync(Guid cameraId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CameraLeases>().ReleaseAsync(NodeId, cameraId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Camera {CameraId}: could not release node {Node}'s lease; it expires within {Lease}", cameraId, NodeId, _options.LeaseDuration);
        }
    }

    /// <summary>Starts the camera's pipeline; false (with the failure recorded for /healthz) if it could not start.</summary>
    private async Task<bool> StartWorkerAsync(CameraWork work, CancellationToken ct)
    {
        VisionLiveFaceAnalyzer? analyzer = null;
        DatabaseWatchlistMatcher? matcher = null;
        CameraCapture? capture = null;
        try
        {
            // The threshold was set on the scale of the embedder recorded with the deployment; another one's scores mean something else.
            if (work.Embedder.Length > 0 && work.Embedder != _embedder)
                throw new WatchlistUnusableException($"Deployment {work.DeploymentId} was authorised with embedder {work.Embedder} (threshold {work.Threshold}), but this server's {RecognitionOptions.Section}:Embedder is {_embedder}; its threshold would mean a different false alert rate. Run the deployment on a server of embedder {work.Embedder}, or create a new deployment.");
            IReadOnlyList<WatchlistTemplate> templates;
            await using (var scope = scopes.CreateAsyncScope())
                templates = await scope.ServiceProvider.GetRequiredService<WatchlistTemplateSource>().LoadAsync(work.WatchlistId, ct).ConfigureAwait(false);
            // Refuse a watchlist of another embedder before paying for loading models.
            try { DatabaseWatchlistMatcher.EnsureUsable(templates, _embedder, null, null, work.WatchlistId); }
            catch { foreach (var t in templates) Array.Clear(t.Template.Vector); throw; }
            analyzer = VisionLiveFaceAnalyzer.Load(_embedder, detection: _options.DetectScale is { } scale ? new FaceDetectorOptions { Scale = scale } : null);
            try
            {
                matcher = DatabaseWatchlistMatcher.Build(templates, analyzer.Embedder.Id, analyzer.Embedder.Version, analyzer.Embedder.Dimension, work.WatchlistId);
            }
            finally
            {
                // The gallery holds its own copy; the decrypted vectors are not left lying in memory.
                foreach (var t in templates) Array.Clear(t.Template.Vector);
            }
            var camera = new CameraOptions
            {
                Name = work.CameraName, Source = work.Source, Width = _options.Width, Height = _options.Height, Fps = _options.Fps,
                RealTime = _options.FilesInRealTime && CameraOptions.KindOf(work.Source) == CameraSourceKind.File,
                StallTimeout = _options.StallTimeout,
            };
            camera.Validate();
            capture = new CameraCapture(camera);
            var logger = loggers.CreateLogger($"OpenLfr.Camera.{work.CameraName}");
            var forwarder = new LiveAlertForwarder(alerts, work.DeploymentId, work.CameraId, clock, logger);
            // The deployment's threshold is a single-image one (calibrated at its FPIR), raised to the policy minimum for the
            // watchlist's size now (it may have grown since authorisation; a change of size restarts the worker, as the work
            // differs); tracks are scored on pooled evidence, so the embedder's measured pooling adjustment applies on top.
            // AlertService checks alerts against the same figure (ThresholdPolicy.AlertThreshold).
            double liveThreshold;
            await using (var scope = scopes.CreateAsyncScope())
                liveThreshold = scope.ServiceProvider.GetRequiredService<Policy.ThresholdPolicy>()
                    .AlertThreshold(string.IsNullOrEmpty(work.Embedder) ? _embedder : work.Embedder, work.Threshold, work.WatchlistTemplates);
            var pipeline = new LivePipeline(capture, analyzer, matcher, forwarder, new LivePipelineOptions { Threshold = (float)liveThreshold }, logger);
            var worker = new CameraWorker(work, capture, pipeline, analyzer, matcher, DateTimeOffset.UtcNow);
            _workers[work.CameraId] = worker;
            _failures.TryRemove(work.CameraId, out _);
            worker.Start();
            _logger.LogInformation("Camera {Camera} ({CameraId}): processing for deployment {Deployment} until {EndsAt:u}; {Templates} watchlist templates, threshold {Threshold} (live, pooled evidence: {LiveThreshold})",
                work.CameraName, work.CameraId, work.DeploymentId, work.EndsAtUtc, matcher.Count, work.Threshold, liveThreshold);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (capture is not null) await capture.DisposeAsync().ConfigureAwait(false);
            matcher?.Dispose();
            analyzer?.Dispose();
            _failures[work.CameraId] = new Failure(work.DeploymentId, work.CameraName, e.Message, clock.GetUtcNow());
            _logger.LogError("Camera {Camera} ({CameraId}) cannot start for deployment {Deployment}: {Problem} Retrying in {RetryAfter}.",
                work.CameraName, work.CameraId, work.DeploymentId, e.Message, _options.RetryAfter);
            // The lease is released by the caller: the failure may be this node's own (models, ffmpeg), so another node may try.
            return false;
        }
    }

    /// <summary>
    /// A file that ended stays finished (it is not replayed). A pipeline that stopped with an error is
    /// restarted after <see cref="CameraWorkerOptions.RetryAfter"/>.
    /// </summary>
    private async Task HandleFinishedAsync(Guid cameraId, CameraWorker worker, CancellationToken ct)
    {
        if (worker.Problem is null) return;
        var seen = _finishedSeen.GetOrAdd(cameraId, _ => clock.GetUtcNow());
        if (clock.GetUtcNow() - seen < _options.RetryAfter) return;
        var problem = worker.Problem;
        await StopWorkerAsync(cameraId, "its pipeline stopped: " + problem, ct).ConfigureAwait(false);
        _failures[cameraId] = new Failure(worker.Work.DeploymentId, worker.Work.CameraName, problem, DateTimeOffset.MinValue);
    }

    private async Task StopWorkerAsync(Guid cameraId, string why, CancellationToken ct, bool release = true)
    {
        if (!_workers.TryRemove(cameraId, out var worker)) return;
        try
        {
            await StopAndRecordAsync(worker, ct).ConfigureAwait(false);
        }
        finally
        {
            // Released only after the pipeline stopped, so two nodes never process the camera at once.
            if (release) await ReleaseAsync(cameraId).ConfigureAwait(false);
        }
        _logger.LogInformation("Camera {Camera} ({CameraId}): stopped processing for deployment {Deployment} because {Why}; {Tracks} faces seen",
            worker.Work.CameraName, cameraId, worker.Work.DeploymentId, why, worker.Tracks);
    }

    private async Task StopAndRecordAsync(CameraWorker worker, CancellationToken ct)
    {
        var cameraId = worker.Work.CameraId;
        _finishedSeen.TryRemove(cameraId, out _);
        await worker.StopAsync().ConfigureAwait(false);
        try
        {
            await RecordFacesSeenAsync(worker, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Camera {Camera}: could not record its last {Tracks} faces seen for deployment {Deployment}", worker.Work.CameraName, worker.Tracks - worker.TracksRecorded, worker.Work.DeploymentId);
        }
    }

    /// <summary>Adds the tracks confirmed since the last call to the deployment's faces seen (a count only).</summary>
    private async Task RecordFacesSeenAsync(CameraWorker worker, CancellationToken ct)
    {
        var tracks = worker.Tracks;
        var delta = tracks - worker.TracksRecorded;
        if (delta <= 0) return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CameraProcessingGate>().AddFacesSeenAsync(worker.Work.DeploymentId, worker.Work.CameraId, (int)delta, ct).ConfigureAwait(false);
        worker.TracksRecorded = tracks;
    }
}
