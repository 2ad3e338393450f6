using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Core.Live;

/// <summary>
/// What one track has gathered for identification: the embeddings of its best few frames by quality,
/// their pooled mean (plain or quality-weighted, <see cref="TrackPooling"/>), and its best face crop. Biometric data of a passer-by, so it lives only in
/// memory and <see cref="Clear"/> zeroes every array when the track ends; nothing here is logged.
/// </summary>
internal sealed class TrackEvidence
{
    private readonly int _maxSamples;
    private readonly bool _weighted;
    private readonly List<(float Quality, float[] Vector)> _samples = [];
    private float[]? _pooled;

    public TrackEvidence(int maxSamples, DateTimeOffset firstSeen, TrackPooling pooling = TrackPooling.Mean)
    {
        _maxSamples = maxSamples;
        _weighted = pooling == TrackPooling.QualityWeighted;
        FirstSeen = firstSeen;
    }

    public DateTimeOffset FirstSeen { get; private set; }

    /// <summary>The track id alerts carry: the track's own, or that of the earlier track it was re-linked to.</summary>
    public long? AliasOf { get; private set; }

    /// <summary>The kept embeddings (for <see cref="TrackPooling.MaxScore"/>). Do not modify or keep.</summary>
    public IEnumerable<float[]> Samples => _samples.Select(s => s.Vector);

    public HashSet<string> AlertedSubjects { get; } = new(StringComparer.Ordinal);

    public RgbImage? BestCrop { get; private set; }

    public float BestCropQuality { get; private set; } = float.NegativeInfinity;

    /// <summary>Stream times of the track's first and latest detection, and whether it reached the confirmed state.</summary>
    public double TrackFirstSeen { get; set; } = double.NaN;
    public double TrackLastSeen { get; set; } = double.NegativeInfinity;
    public bool Confirmed { get; set; }

    /// <summary>Set once the track was offered for a re-link (it is, once, when first confirmed with evidence).</summary>
    public bool RelinkChecked { get; set; }

    /// <summary>Set when evidence changed since the last match.</summary>
    public bool Dirty { get; set; }

    public int SampleCount => _samples.Count;

    private double _lastSampleTime = double.NegativeInfinity;

    /// <summary>Worth embedding this frame's face: the track has room, or it beats the worst sample kept (rate-limited).</summary>
    public bool WantsSample(float quality, double time, double minInterval)
    {
        if (time - _lastSampleTime < minInterval) return false;
        if (_samples.Count < _maxSamples) return true;
        return quality > _samples.Min(s => s.Quality) * 1.05f;
    }

    /// <summary>Keeps the embedding (taking ownership of the array) if it is among the best; updates the pooled mean.</summary>
    public void Add(float quality, float[] vector, double time)
    {
        _lastSampleTime = time;
        if (_samples.Count >= _maxSamples)
        {
            var worst = 0;
            for (var i = 1; i < _samples.Count; i++) if (_samples[i].Quality < _samples[worst].Quality) worst = i;
            if (_samples[worst].Quality >= quality)
            {
                Array.Clear(vector);
                return;
            }
            Array.Clear(_samples[worst].Vector);
            _samples.RemoveAt(worst);
        }
        _samples.Add((quality, vector));
        Repool();
    }

    private void Repool()
    {
        if (_samples.Count == 0) return;
        _pooled ??= new float[_samples[0].Vector.Length];
        Array.Clear(_pooled);
        foreach (var (q, v) in _samples)
        {
            var w = _weighted ? Math.Max(q, 1e-3f) : 1f;
            for (var i = 0; i < v.Length; i++) _pooled[i] += w * v[i];
        }
        var norm = MathF.Sqrt(_pooled.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < _pooled.Length; i++) _pooled[i] /= norm;
        Dirty = true;
    }

    /// <summary>
    /// Takes over the evidence of an earlier track of the same person (re-linked after an occlusion): its samples
    /// (the best kept), its subjects already alerted (no second alert for them), first-seen time and track id.
    /// <paramref name="earlier"/> is left empty and zeroed.
    /// </summary>
    public void Absorb(TrackEvidence earlier, long earlierId)
    {
        AliasOf = earlier.AliasOf ?? earlierId;
        FirstSeen = earlier.FirstSeen < FirstSeen ? earlier.FirstSeen : FirstSeen;
        AlertedSubjects.UnionWith(earlier.AlertedSubjects);
        foreach (var (q, v) in earlier._samples) _samples.Add((q, v));
        earlier._samples.Clear();
        _samples.Sort((a, b) => b.Quality.CompareTo(a.Quality));
        while (_samples.Count > _maxSamples)
        {
            Array.Clear(_samples[^1].Vector);
            _samples.RemoveAt(_samples.Count - 1);
        }
        earlier.Clear();
        Repool();
    }

    /// <summary>Cosine similarity of <paramref name="vector"/> to the pooled evidence (0 without evidence).</summary>
    public float Similarity(float[] vector)
    {
        if (Pooled is not { } p || p.Length != vector.Length) return 0;
        var s = 0f;
        for (var i = 0; i < p.Length; i++) s += p[i] * vector[i];
        return s;
    }

    /// <summary>The unit-length mean of the kept embeddings, or null before the first.</summary>
    public float[]? Pooled => _samples.Count == 0 ? null : _pooled;

    /// <summary>Copies the face (with a margin) when it is the best seen so far.</summary>
    public void OfferCrop(RgbImage frame, BoxF box, float quality)
    {
        if (quality <= BestCropQuality) return;
        var b = box.Inflate(1.3f).Clip(frame.Width, frame.Height);
        var w = Math.Max(1, (int)b.Width);
        var h = Math.Max(1, (int)b.Height);
        if (BestCrop is { } old && (old.Width != w || old.Height != h))
        {
            Array.Clear(old.Pixels);
            BestCrop = null;
        }
        var crop = BestCrop ?? new RgbImage(w, h);
        var x0 = Math.Min((int)b.X, frame.Width - w);
        var y0 = Math.Min((int)b.Y, frame.Height - h);
        for (var y = 0; y < h; y++)
            frame.Pixels.AsSpan(((y0 + y) * frame.Width + x0) * 3, w * 3).CopyTo(crop.Pixels.AsSpan(y * w * 3, w * 3));
        BestCrop = crop;
        BestCropQuality = quality;
    }

    /// <summary>Zeroes every embedding, the pooled vector and the crop. Called when the track ends.</summary>
    public void Clear()
    {
        foreach (var (_, v) in _samples) Array.Clear(v);
        _samples.Clear();
        if (_pooled is not null) Array.Clear(_pooled);
        if (BestCrop is not null) Array.Clear(BestCrop.Pixels);
        BestCrop = null;
    }
}
