namespace OpenLfr.Vision.Tracking;

/// <summary>
/// One face followed across frames. Motion is an alpha-beta filter (constant velocity) on the centre
/// and the size, so the box can be predicted through missed detections and short occlusions.
/// Holds no biometric data: the appearance cue is an exponential average kept only while the track
/// lives and cleared when it ends.
/// </summary>
public sealed class Track
{
    private readonly TrackerOptions _options;
    private float _cx, _cy, _w, _h, _vx, _vy, _vw, _vh;
    private double _filterTime;
    private float[]? _appearance;

    internal Track(long id, TrackerDetection detection, double time, TrackerOptions options)
    {
        _options = options;
        Id = id;
        var b = detection.Box;
        (_cx, _cy, _w, _h) = (b.CenterX, b.CenterY, b.Width, b.Height);
        _filterTime = time;
        FirstSeen = LastSeen = time;
        Box = b;
        Hits = 1;
        State = options.MinHits <= 1 ? TrackState.Confirmed : TrackState.Tentative;
        if (detection.Appearance is { } a) _appearance = (float[])a.Clone();
    }

    /// <summary>Unique per tracker, increasing from 1.</summary>
    public long Id { get; private set; }

    public TrackState State { get; internal set; }

    /// <summary>The last detected box (not the prediction).</summary>
    public TrackBox Box { get; private set; }

    public int Hits { get; private set; }

    /// <summary>Stream times (seconds) of the first and last detection.</summary>
    public double FirstSeen { get; private set; }
    public double LastSeen { get; private set; }

    /// <summary>True when this track matched a detection in the latest update.</summary>
    public bool UpdatedThisFrame { get; internal set; }

    internal float[]? Appearance => _appearance;

    /// <summary>The box the motion model expects at <paramref name="time"/>.</summary>
    public TrackBox Predict(double time)
    {
        var dt = (float)(time - _filterTime);
        var w = Math.Max(4, _w + _vw * dt);
        var h = Math.Max(4, _h + _vh * dt);
        return TrackBox.FromCenter(_cx + _vx * dt, _cy + _vy * dt, w, h);
    }

    internal void Update(TrackerDetection detection, double time)
    {
        var dt = (float)(time - _filterTime);
        var p = Predict(time);
        var b = detection.Box;
        Correct(ref _cx, ref _vx, p.CenterX, b.CenterX, dt, _options.PositionAlpha, _options.PositionBeta);
        Correct(ref _cy, ref _vy, p.CenterY, b.CenterY, dt, _options.PositionAlpha, _options.PositionBeta);
        Correct(ref _w, ref _vw, p.Width, b.Width, dt, _options.SizeAlpha, _options.SizeBeta);
        Correct(ref _h, ref _vh, p.Height, b.Height, dt, _options.SizeAlpha, _options.SizeBeta);
        _filterTime = time;
        Box = b;
        LastSeen = time;
        Hits++;
        if (State == TrackState.Tentative && Hits >= _options.MinHits) State = TrackState.Confirmed;
        if (detection.Appearance is { } a)
        {
            if (_appearance is null || _appearance.Length != a.Length) _appearance = (float[])a.Clone();
            else
            {
                for (var i = 0; i < a.Length; i++) _appearance[i] = 0.8f * _appearance[i] + 0.2f * a[i];
                Normalise(_appearance);
            }
        }
    }

    /// <summary>A new track with this one's motion state, latest box and confirmation, and no appearance.</summary>
    internal Track ContinueAs(long id)
    {
        var t = (Track)MemberwiseClone();
        t._appearance = null;
        t.Id = id;
        t.FirstSeen = LastSeen;
        t.Hits = State == TrackState.Confirmed ? Math.Max(Hits, _options.MinHits) : 1;
        return t;
    }

    private static void Correct(ref float x, ref float v, float predicted, float measured, float dt, float alpha, float beta)
    {
        var residual = measured - predicted;
        x = predicted + alpha * residual;
        if (dt > 1e-4f) v += beta * residual / dt;
    }

    internal void End()
    {
        State = TrackState.Ended;
        if (_appearance is not null) Array.Clear(_appearance);
        _appearance = null;
    }

    private static void Normalise(float[] v)
    {
        var s = 0f;
        foreach (var x in v) s += x * x;
        if (s <= 0) return;
        var inv = 1 / MathF.Sqrt(s);
        for (var i = 0; i < v.Length; i++) v[i] *= inv;
    }
}
