namespace OpenLfr.Vision.Tracking;

/// <summary>
/// Follows faces across frames so one person walking past is one track. Each update predicts every
/// live track to the frame's time, scores track/detection pairs by predicted-box overlap, centre
/// distance and (when both have an embedding) appearance, and assigns greedily, best pair first.
/// Unmatched detections start tentative tracks; tracks unseen for too long end. Not thread-safe: one
/// tracker per camera, called from the camera's pipeline.
/// </summary>
public sealed class FaceTracker
{
    private readonly TrackerOptions _options;
    private readonly List<Track> _live = [];
    private long _nextId = 1;
    private double _lastTime = double.NegativeInfinity;

    public FaceTracker(TrackerOptions? options = null) => _options = options ?? new TrackerOptions();

    /// <summary>Tracks currently followed (tentative and confirmed).</summary>
    public IReadOnlyList<Track> Live => _live;

    /// <summary>Distinct faces seen so far: tracks that reached the confirmed state.</summary>
    public long ConfirmedCount { get; private set; }

    /// <param name="time">Stream time of the frame in seconds; must not decrease.</param>
    public TrackerUpdate Update(IReadOnlyList<TrackerDetection> detections, double time)
    {
        if (time < _lastTime) throw new ArgumentException($"Frame time {time} is earlier than the previous frame ({_lastTime}).", nameof(time));
        _lastTime = time;
        foreach (var t in _live) t.UpdatedThisFrame = false;

        var assigned = new Track?[detections.Count];
        var pairs = new List<(float Score, int Track, int Detection)>();
        for (var ti = 0; ti < _live.Count; ti++)
        {
            var predicted = _live[ti].Predict(time);
            for (var di = 0; di < detections.Count; di++)
            {
                if (Score(_live[ti], predicted, detections[di]) is { } s) pairs.Add((s, ti, di));
            }
        }
        pairs.Sort((a, b) => b.Score.CompareTo(a.Score));
        var trackTaken = new bool[_live.Count];
        foreach (var (_, ti, di) in pairs)
        {
            if (trackTaken[ti] || assigned[di] is not null) continue;
            trackTaken[ti] = true;
            var track = _live[ti];
            track.Update(detections[di], time);
            track.UpdatedThisFrame = true;
            assigned[di] = track;
            if (track.State == TrackState.Confirmed && track.Hits == _options.MinHits) ConfirmedCount++;
        }

        var ended = new List<Track>();
        for (var ti = _live.Count - 1; ti >= 0; ti--)
        {
            var t = _live[ti];
            if (t.UpdatedThisFrame) continue;
            var maxAge = t.State == TrackState.Confirmed ? _options.MaxAgeSeconds : _options.TentativeMaxAgeSeconds;
            if (time - t.LastSeen > maxAge)
            {
                t.End();
                ended.Add(t);
                _live.RemoveAt(ti);
            }
        }

        for (var di = 0; di < detections.Count; di++)
        {
            if (assigned[di] is not null) continue;
            var t = new Track(_nextId++, detections[di], time, _options) { UpdatedThisFrame = true };
            if (t.State == TrackState.Confirmed) ConfirmedCount++;
            _live.Add(t);
            assigned[di] = t;
        }
        return new TrackerUpdate(assigned!, ended);
    }

    /// <summary>
    /// Splits <paramref name="track"/> because its latest face is someone else (the caller's appearance check found it
    /// unlike the track's earlier faces: it jumped to another person crossing it). The old track ends; a new track,
    /// confirmed if the old one was (the face itself has been followed for several frames), continues from the latest
    /// box and motion. Call with a track updated in the latest <see cref="Update"/>.
    /// </summary>
    public Track Split(Track track)
    {
        var index = _live.IndexOf(track);
        if (index < 0) throw new ArgumentException($"Track {track.Id} is not live; only a live track can be split.", nameof(track));
        var fresh = track.ContinueAs(_nextId++);
        track.End();
        _live[index] = fresh;
        if (fresh.State == TrackState.Confirmed) ConfirmedCount++;
        Splits++;
        return fresh;
    }

    /// <summary>Tracks split because their face turned out to be another person's.</summary>
    public long Splits { get; private set; }

    /// <summary>Ends every live track (end of stream); returns them.</summary>
    public IReadOnlyList<Track> Flush()
    {
        var ended = _live.ToList();
        foreach (var t in ended) t.End();
        _live.Clear();
        return ended;
    }

    private float? Score(Track track, TrackBox predicted, TrackerDetection detection)
    {
        var iou = predicted.Iou(detection.Box);
        var distance = predicted.CenterDistance(detection.Box);
        if (iou < _options.MinIou && distance > _options.MaxCenterDistance) return null;
        // Sizes that differ a lot are different faces (a near and a far person overlapping).
        var sizeRatio = detection.Box.Width / Math.Max(1f, predicted.Width);
        if (sizeRatio > 2f || sizeRatio < 0.5f) return null;
        var score = iou + 0.5f * (1 - Math.Min(distance, 2f) / 2f);
        if (track.Appearance is { } a && detection.Appearance is { } d && a.Length == d.Length)
        {
            var cos = 0f;
            for (var i = 0; i < a.Length; i++) cos += a[i] * d[i];
            if (cos < _options.MinAppearanceSimilarity) return null;
            score += _options.AppearanceWeight * cos;
        }
        return score;
    }
}
