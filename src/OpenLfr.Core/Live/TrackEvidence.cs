using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Core.Live;

/// <summary>
/// What one track has gathered for identification: the embeddings of its best few frames by quality,
/// their pooled mean, and its best face crop. Biometric data of a passer-by, so it lives only in
/// memory and <see cref="Clear"/> zeroes every array when the track ends; nothing here is logged.
/// </summary>
internal sealed class TrackEvidence
{
    private readonly int _maxSamples;
    private readonly List<(float Quality, float[] Vector)> _samples = [];
    private float[]? _pooled;

    public TrackEvidence(int maxSamples, DateTimeOffset firstSeen)
    {
        _maxSamples = maxSamples;
        FirstSeen = firstSeen;
    }

    public DateTimeOffset FirstSeen { get; }

    public HashSet<string> AlertedSubjects { get; } = new(StringComparer.Ordinal);

    public RgbImage? BestCrop { get; private set; }

    public float BestCropQuality { get; private set; } = float.NegativeInfinity;

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
        _pooled ??= new float[vector.Length];
        Array.Clear(_pooled);
        foreach (var (_, v) in _samples)
            for (var i = 0; i < v.Length; i++) _pooled[i] += v[i];
        var norm = MathF.Sqrt(_pooled.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < _pooled.Length; i++) _pooled[i] /= norm;
        Dirty = true;
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
