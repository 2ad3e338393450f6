using System.Diagnostics;

namespace OpenLfr.Vision.Video;

/// <summary>Live counters of one camera, updated by the capture thread and the pipeline. Thread-safe.</summary>
public sealed class CameraStats
{
    private readonly RateMeter _in = new(TimeSpan.FromSeconds(5));
    private readonly RateMeter _processed = new(TimeSpan.FromSeconds(5));
    private long _framesIn;
    private long _framesProcessed;
    private long _restarts;
    private long _lastFrameUnixMs;
    private long _lastFrameTicks;

    public CameraStats(string camera) => Camera = camera;

    public string Camera { get; }

    /// <summary>Read by the snapshot; the pool owns the drop count.</summary>
    internal Func<long> DroppedSource { get; set; } = () => 0;

    internal void FrameArrived(DateTimeOffset at, long ticks)
    {
        Interlocked.Increment(ref _framesIn);
        Interlocked.Exchange(ref _lastFrameUnixMs, at.ToUnixTimeMilliseconds());
        Interlocked.Exchange(ref _lastFrameTicks, ticks);
        _in.Mark(ticks);
    }

    internal void Restarted() => Interlocked.Increment(ref _restarts);

    /// <summary>Called by the consumer once per frame it finished processing.</summary>
    public void FrameProcessed()
    {
        Interlocked.Increment(ref _framesProcessed);
        _processed.Mark();
    }

    /// <summary>Stopwatch timestamp of the last frame, or 0 before the first.</summary>
    public long LastFrameTicks => Interlocked.Read(ref _lastFrameTicks);

    public CameraStatsSnapshot Snapshot()
    {
        var lastMs = Interlocked.Read(ref _lastFrameUnixMs);
        return new CameraStatsSnapshot(
            Camera,
            Interlocked.Read(ref _framesIn),
            Interlocked.Read(ref _framesProcessed),
            DroppedSource(),
            Interlocked.Read(ref _restarts),
            Math.Round(_in.PerSecond(), 2),
            Math.Round(_processed.PerSecond(), 2),
            lastMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(lastMs));
    }

    internal static double SecondsSince(long ticks) => ticks == 0 ? double.PositiveInfinity : (double)(Stopwatch.GetTimestamp() - ticks) / Stopwatch.Frequency;
}
