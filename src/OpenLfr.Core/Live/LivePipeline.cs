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
/// the watchlist -> one alert per (track, subject) at the threshold. A new track whose first evidence
/// matches a track lost a moment ago continues it (appearance re-link). Evidence of tracks that match
/// nobody stays in memory and is zeroed when the track ends (for a track lost before its end, once the
/// short re-link window has passed); logs carry counts only.
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
    private readonly List<(long Id, TrackEvidence Evidence)> _lost = [];

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
    /// <summary>Tracks split by the appearance check (the tracker had jumped to another person).</summary>
    public long Splits => _tracker.Splits;

    public int TracksHoldingEvidence => _evidence.Count + _lost.Count;

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
            foreach (var t in _tracker.Flush()) Forget(t.Id, keepForRelink: false);
            ExpireLost(double.PositiveInfinity);
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
        foreach (var ended in update.Ended) Forget(ended.Id, keepForRelink: true);
        ExpireLost(frame.StreamTime);
        Stats.SetTracks(_tracker.ConfirmedCount);

        // Choose this frame's faces worth embedding: each track keeps only its best few.
        var tracks = update.Assigned.ToArray();
        var toEmbed = new List<int>();
        for (var i = 0; i < faces.Count; i++)
        {
            var evidence = EvidenceOf(tracks[i], frame);
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
            {
                var i = toEmbed[k];
                var evidence = _evidence[tracks[i].Id];
                // Appearance check: a face unlike the track's evidence is another person the track jumped to (two people
                // crossing); the track is split so one person's evidence never scores on, or alerts over, another's face.
                if (_options.SwitchSimilarity is { } minSimilarity && evidence.SampleCount > 0 && evidence.Similarity(vectors[k]) is var similarity && similarity < minSimilarity)
                {
                    var old = tracks[i];
                    tracks[i] = _tracker.Split(old);
                    _options.Observer?.Split(evidence.AliasOf ?? old.Id, tracks[i].Id, similarity, faces[i].Box, frame.StreamTime);
                    Forget(old.Id, keepForRelink: true);
                    evidence = EvidenceOf(tracks[i], frame);
                    evidence.RelinkChecked = true; // its earlier self is the track just split off, not a re-link
                    Stats.SetTracks(_tracker.ConfirmedCount);
                }
                evidence.Add(faces[i].Quality, vectors[k], frame.StreamTime);
            }
        }
        for (var i = 0; i < faces.Count; i++) _evidence[tracks[i].Id].OfferCrop(image, faces[i].Box, faces[i].Quality);

        for (var i = 0; i < faces.Count; i++)
        {
            var track = tracks[i];
            var evidence = _evidence[track.Id];
            if (track.State == TrackState.Confirmed && !evidence.RelinkChecked && evidence.SampleCount > 0) Relink(track.Id, evidence);
            if (track.State == TrackState.Confirmed) _options.Observer?.FaceTracked(evidence.AliasOf ?? track.Id, faces[i].Box, frame.StreamTime);
            if (track.State != TrackState.Confirmed || !evidence.Dirty || evidence.SampleCount < _options.MinSamplesForAlert || evidence.Pooled is not { } pooled) continue;
            evidence.Dirty = false;
            var hit = Search(evidence, pooled);
            if (hit is null) continue;
            _options.Observer?.Searched(evidence.AliasOf ?? track.Id, hit, faces[i].Box, frame.StreamTime, evidence.SampleCount);
            if (hit.Score < _options.Threshold || !evidence.AlertedSubjects.Add(hit.SubjectId)) continue;
            await RaiseAsync(frame, faces, i, track, evidence, hit, cancellationToken).ConfigureAwait(false);
        }

        // Every face found is hidden in the live view (also those just outside the region), except faces of tracks that alerted.
        if (View.Wants)
            View.Offer(image, frame.ArrivedAt, Roi, detected.Select(f => f.Box),
                faces.Where((_, i) => _evidence[tracks[i].Id].AlertedSubjects.Count > 0).Select(f => f.Box));
    }

    private async Task RaiseAsync(VideoFrame frame, List<LiveFace> faces, int index, Track track, TrackEvidence evidence, WatchlistHit hit, CancellationToken cancellationToken)
    {
        var crop = JpegEncoder.Encode(evidence.BestCrop!);
        var thumbnail = JpegEncoder.Encode(FrameThumbnail.Make(frame.Image, faces[index].Box, faces.Select(f => f.Box)));
        var latency = (Stopwatch.GetTimestamp() - frame.ArrivedTicks) * 1000.0 / Stopwatch.Frequency;
        var alert = new PossibleMatchAlert(_capture.Camera.Name, evidence.AliasOf ?? track.Id, hit.SubjectId, hit.ImageId, faces[index].Box, hit.Score, evidence.FirstSeen,
            frame.StreamTime, frame.ArrivedAt, DateTimeOffset.UtcNow, Math.Round(latency, 1), crop, thumbnail);
        Stats.Alerted(latency);
        _logger.LogInformation("Camera {Camera}: possible match on track {Track} for subject {Subject} (score {Score:0.000})", alert.Camera, alert.TrackId, alert.SubjectId, alert.Score);
        await _sink.PublishAsync(alert, cancellationToken).ConfigureAwait(false);
    }

    private TrackEvidence EvidenceOf(Track track, VideoFrame frame)
    {
        if (!_evidence.TryGetValue(track.Id, out var evidence))
            _evidence[track.Id] = evidence = new TrackEvidence(_options.SamplesPerTrack, frame.ArrivedAt, _options.Pooling) { TrackFirstSeen = track.FirstSeen };
        evidence.TrackLastSeen = track.LastSeen;
        evidence.Confirmed = track.State == TrackState.Confirmed;
        return evidence;
    }

    private WatchlistHit? Search(TrackEvidence evidence, float[] pooled)
    {
        if (_options.Pooling != TrackPooling.MaxScore) return _matcher.Best(pooled);
        WatchlistHit? best = null;
        foreach (var v in evidence.Samples)
            if (_matcher.Best(v) is { } h && (best is null || h.Score > best.Score)) best = h;
        return best;
    }

    /// <summary>
    /// Continues an earlier track of this camera when the new track's evidence is as similar as a match to it and the
    /// earlier one was last seen before this one started, at most <see cref="LivePipelineOptions.RelinkSeconds"/> before.
    /// </summary>
    private void Relink(long trackId, TrackEvidence evidence)
    {
        evidence.RelinkChecked = true;
        if (_options.RelinkSimilarity is not { } minSimilarity || evidence.Pooled is not { } probe) return;
        (long Id, TrackEvidence Evidence, bool Live)? best = null;
        var bestSimilarity = minSimilarity;
        var candidates = _lost.Select(l => (l.Id, l.Evidence, Live: false)).ToList()
            .Concat(_evidence.Where(kv => kv.Key != trackId).Select(kv => (Id: kv.Key, Evidence: kv.Value, Live: true)));
        foreach (var c in candidates)
        {
            var gap = evidence.TrackFirstSeen - c.Evidence.TrackLastSeen;
            if (!c.Evidence.Confirmed || c.Evidence.SampleCount == 0 || gap <= 0 || gap > _options.RelinkSeconds) continue;
            var similarity = c.Evidence.Similarity(probe);
            if (similarity < bestSimilarity) continue;
            bestSimilarity = similarity;
            best = c;
        }
        if (best is not { } b) return;
        evidence.Absorb(b.Evidence, b.Id);
        if (b.Live) _evidence.Remove(b.Id);
        else _lost.RemoveAll(l => l.Id == b.Id);
        Stats.Relinked();
        _logger.LogDebug("Camera {Camera}: track {Track} continues track {Earlier}", _capture.Camera.Name, trackId, evidence.AliasOf);
    }

    /// <summary>Ends a track's evidence: zeroed now, or held for the re-link window when it may yet be continued.</summary>
    private void Forget(long trackId, bool keepForRelink)
    {
        if (!_evidence.Remove(trackId, out var evidence)) return;
        if (keepForRelink && _options.RelinkSimilarity is not null && evidence.Confirmed && evidence.SampleCount > 0) _lost.Add((trackId, evidence));
        else evidence.Clear();
    }

    /// <summary>Zeroes the held evidence of lost tracks whose re-link window has passed (all of it at the end of the stream).</summary>
    private void ExpireLost(double now)
    {
        for (var i = _lost.Count - 1; i >= 0; i--)
        {
            if (now - _lost[i].Evidence.TrackLastSeen <= _options.RelinkSeconds) continue;
            _lost[i].Evidence.Clear();
            _lost.RemoveAt(i);
        }
    }
}
