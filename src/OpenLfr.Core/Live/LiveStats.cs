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
    private long _alerts;
    private long _facesDetected;
    private long _embeddings;

    public long Tracks => Interlocked.Read(ref _tracks);
    public long Alerts => Interlocked.Read(ref _alerts);
    public long FacesDetected => Interlocked.Read(ref _facesDetected);
    public long Embeddings => Interlocked.Read(ref _embeddings);

    internal void SetTracks(long confirmed) => Interlocked.Exchange(ref _tracks, confirmed);
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
