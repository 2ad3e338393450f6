using System.Diagnostics;

namespace OpenLfr.Vision.Video;

/// <summary>Events per second over a sliding window (e.g. frames in, frames processed). Thread-safe.</summary>
public sealed class RateMeter
{
    private readonly Queue<long> _ticks = new();
    private readonly long _window;

    public RateMeter(TimeSpan window)
    {
        _window = (long)(window.TotalSeconds * Stopwatch.Frequency);
    }

    public void Mark() => Mark(Stopwatch.GetTimestamp());

    public void Mark(long timestamp)
    {
        lock (_ticks)
        {
            _ticks.Enqueue(timestamp);
            Trim(timestamp);
        }
    }

    /// <summary>Events per second in the window ending now.</summary>
    public double PerSecond() => PerSecond(Stopwatch.GetTimestamp());

    public double PerSecond(long now)
    {
        lock (_ticks)
        {
            Trim(now);
            if (_ticks.Count < 2) return 0;
            var span = (double)(_ticks.Last() - _ticks.Peek()) / Stopwatch.Frequency;
            return span <= 0 ? 0 : (_ticks.Count - 1) / span;
        }
    }

    private void Trim(long now)
    {
        while (_ticks.Count > 0 && now - _ticks.Peek() > _window) _ticks.Dequeue();
        // A hard cap keeps memory fixed even at absurd rates.
        while (_ticks.Count > 10_000) _ticks.Dequeue();
    }
}
