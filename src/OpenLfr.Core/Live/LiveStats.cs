namespace OpenLfr.Core.Live;

/// <summary>
/// Counters of one pipeline run beyond the camera's own: distinct faces (confirmed tracks), alerts,
/// and alert latency (frame arrival to alert) percentiles over a bounded window. Thread-safe.
/// </summary>
public sealed class LiveStats
{
    private const int MaxLatencies = 10_000;
    private readonly Queue<double> _latencies = new();
    private long _tracks;
    private long _relinked;
    private long _alerts;
    private long _facesDetected;
    private long _embeddings;

    /// <summary>Distinct faces: confirmed tracks, less those that continued an earlier track (appearance re-link).</summary>
    public long Tracks => Interlocked.Read(ref _tracks) - Interlocked.Read(ref _relinked);

    /// <summary>Tracks that continued an earlier one of the same person after an occlusion or missed detections.</summary>
    public long Relinks => Interlocked.Read(ref _relinked);
    public long Alerts => Interlocked.Read(ref _alerts);
    public long FacesDetected => Interlocked.Read(ref _facesDetected);
    public long Embeddings => Interlocked.Read(ref _embeddings);

    private long _detectTicks;
    private long _embedTicks;
    private long _detectCalls;
    private long _embedCalls;

    /// <summary>Mean time of one frame's detection, in milliseconds.</summary>
    public double DetectMsMean => Mean(_detectTicks, _detectCalls);

    /// <summary>Mean time of one frame's landmark + embedding batch, in milliseconds.</summary>
    public double EmbedMsMean => Mean(_embedTicks, _embedCalls);

    internal void Detected(long ticks) { Interlocked.Add(ref _detectTicks, ticks); Interlocked.Increment(ref _detectCalls); }
    internal void Embedded(long ticks) { Interlocked.Add(ref _embedTicks, ticks); Interlocked.Increment(ref _embedCalls); }

    private static double Mean(long ticks, long calls) =>
        calls == 0 ? 0 : Math.Round(ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency / calls, 1);

    internal void SetTracks(long confirmed) => Interlocked.Exchange(ref _tracks, confirmed);
    internal void Relinked() => Interlocked.Increment(ref _relinked);
    internal void AddFaces(int n) => Interlocked.Add(ref _facesDetected, n);
    internal void AddEmbeddings(int n) => Interlocked.Add(ref _embeddings, n);

    internal void Alerted(double latencyMs)
    {
        Interlocked.Increment(ref _alerts);
        lock (_latencies)
        {
            _latencies.Enqueue(latencyMs);
            if (_latencies.Count > MaxLatencies) _latencies.Dequeue();
        }
    }

    /// <summary>The latency (ms) at percentile <paramref name="p"/> (0..100), or null without alerts.</summary>
    public double? LatencyPercentile(double p)
    {
        double[] sorted;
        lock (_latencies) sorted = [.. _latencies.Order()];
        if (sorted.Length == 0) return null;
        var rank = Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return Math.Round(sorted[rank], 1);
    }
}
