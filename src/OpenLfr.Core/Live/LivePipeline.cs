using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Tracking;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.Live;

/// <summary>
/// One camera's live identification: newest frame -> detect (in the region of interest) -> track ->
/// embed each track's best frames (all faces of a frame in one batch) -> pool the evidence -> match
/// the watchlist -> one alert per (track, subject) at the threshold. Evidence of tracks that match
/// nobody stays in memory and is zeroed when the track ends; logs carry counts only.
/// </summary>
public sealed class LivePipeline
{
    private readonly CameraCapture _capture;
    private readonly ILiveFaceAnalyzer _analyzer;
    private readonly IWatchlistMatcher _matcher;
    private readonly IAlertSink _sink;
    private readonly LivePipelineOptions _options;
    private readonly ILogger _logger;
    private readonly FaceTracker _tracker;
    private readonly Dictionary<long, TrackEvidence> _evidence = [];

    public LivePipeline(CameraCapture capture, ILiveFaceAnalyzer analyzer, IWatchlistMatcher matcher, IAlertSink sink, LivePipelineOptions? options = null, ILogger? logger = null)
    {
        _capture = capture;
        _analyzer = analyzer;
        _matcher = matcher;
        _sink = sink;
        _options = options ?? new LivePipelineOptions();
        _logger = logger ?? NullLogger.Instance;
        _tracker = new FaceTracker(_options.Tracker);
        Roi = (_options.RegionOfInterest ?? RegionOfInterest.Full(capture.Camera.Width, capture.Camera.Height)).ClipTo(capture.Camera.Width, capture.Camera.Height);
    }

    public CameraCapture Capture => _capture;
    public LiveStats Stats { get; } = new();
    public RegionOfInterest Roi { get; }

    /// <summary>The newest frame with every face that is not an alert pixelated, for the console (memory only).</summary>
    public LiveView View { get; } = new();

    /// <summary>Tracks whose evidence is held right now (for tests of the deletion guarantee).</summary>
    public int TracksHoldingEvidence => _evidence.Count;

    /// <summary>Starts the capture if needed and processes frames until the stream ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_capture.IsStarted) _capture.Start();
        _logger.LogInformation("Camera {Camera}: live identification started (roi {Roi}, threshold {Threshold})", _capture.Camera.Name, Roi, _options.Threshold);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var frame = await _capture.NextFrameAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                if (frame is null)
                {
                    if (_capture.IsCompleted) break;
                    continue;
                }
                await ProcessAsync(frame, cancellationToken).ConfigureAwait(false);
                _capture.Stats.FrameProcessed();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var t in _tracker.Flush()) Forget(t.Id);
            View.Clear();
            Stats.SetTracks(_tracker.ConfirmedCount);
            if (_capture.Error is { } error) _logger.LogError("Camera {Camera}: {Error}", _capture.Camera.Name, error);
            _logger.LogInformation("Camera {Camera}: stopped; {Tracks} faces seen, {Alerts} alerts", _capture.Camera.Name, Stats.Tracks, Stats.Alerts);
        }
    }

    private async Task ProcessAsync(VideoFrame frame, CancellationToken cancellationToken)
    {
        var image = frame.Image;
        var started = Stopwatch.GetTimestamp();
        var detected = _analyzer.Detect(image, Roi);
        var faces = detected.Where(f => Roi.Contains(f.Box.CenterX, f.Box.CenterY)).ToList();
        Stats.Detected(Stopwatch.GetTimestamp() - started);
        Stats.AddFaces(faces.Count);
        var update = _tracker.Update(faces.Select(f => new TrackerDetection(new TrackBox(f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height), f.Score)).ToList(), frame.StreamTime);
        foreach (var ended in update.Ended) Forget(ended.Id);
        Stats.SetTracks(_tracker.ConfirmedCount);

        // Choose this frame's faces worth embedding: each track keeps only its best few.
        var toEmbed = new List<int>();
        for (var i = 0; i < faces.Count; i++)
        {
            var track = update.Assigned[i];
            if (!_evidence.TryGetValue(track.Id, out var evidence))
                _evidence[track.Id] = evidence = new TrackEvidence(_options.SamplesPerTrack, frame.ArrivedAt);
            evidence.OfferCrop(image, faces[i].Box, faces[i].Quality);
            if (faces[i].Quality >= _options.MinQuality && evidence.WantsSample(faces[i].Quality, frame.StreamTime, _options.MinSampleIntervalSeconds))
                toEmbed.Add(i);
        }
        if (toEmbed.Count > 0)
        {
            started = Stopwatch.GetTimestamp();
            var vectors = _analyzer.Embed(image, toEmbed.Select(i => faces[i]).ToList());
            Stats.Embedded(Stopwatch.GetTimestamp() - started);
            Stats.AddEmbeddings(vectors.Count);
            for (var k = 0; k < toEmbed.Count; k++)
                _evidence[update.Assigned[toEmbed[k]].Id].Add(faces[toEmbed[k]].Quality, vectors[k], frame.StreamTime);
        }

        for (var i = 0; i < faces.Count; i++)
        {
            var track = update.Assigned[i];
            var evidence = _evidence[track.Id];
            if (track.State != TrackState.Confirmed || !evidence.Dirty || evidence.SampleCount < _options.MinSamplesForAlert || evidence.Pooled is not { } pooled) continue;
            evidence.Dirty = false;
            var hit = _matcher.Best(pooled);
            if (hit is null || hit.Score < _options.Threshold || !evidence.AlertedSubjects.Add(hit.SubjectId)) continue;
            await RaiseAsync(frame, faces, i, track, evidence, hit, cancellationToken).ConfigureAwait(false);
        }

        // Every face found is hidden in the live view (also those just outside the region), except faces of tracks that alerted.
        if (View.Wants)
            View.Offer(image, frame.ArrivedAt, Roi, detected.Select(f => f.Box),
                faces.Where((_, i) => _evidence[update.Assigned[i].Id].AlertedSubjects.Count > 0).Select(f => f.Box));
    }

    private async Task RaiseAsync(VideoFrame frame, List<LiveFace> faces, int index, Track track, TrackEvidence evidence, WatchlistHit hit, CancellationToken cancellationToken)
    {
        var crop = JpegEncoder.Encode(evidence.BestCrop!);
        var thumbnail = JpegEncoder.Encode(FrameThumbnail.Make(frame.Image, faces[index].Box, faces.Select(f => f.Box)));
        var latency = (Stopwatch.GetTimestamp() - frame.ArrivedTicks) * 1000.0 / Stopwatch.Frequency;
        var alert = new PossibleMatchAlert(_capture.Camera.Name, track.Id, hit.SubjectId, hit.ImageId, faces[index].Box, hit.Score, evidence.FirstSeen,
            frame.StreamTime, frame.ArrivedAt, DateTimeOffset.UtcNow, Math.Round(latency, 1), crop, thumbnail);
        Stats.Alerted(latency);
        _logger.LogInformation("Camera {Camera}: possible match on track {Track} for subject {Subject} (score {Score:0.000})", alert.Camera, alert.TrackId, alert.SubjectId, alert.Score);
        await _sink.PublishAsync(alert, cancellationToken).ConfigureAwait(false);
    }

    private void Forget(long trackId)
    {
        if (_evidence.Remove(trackId, out var evidence)) evidence.Clear();
    }
}
