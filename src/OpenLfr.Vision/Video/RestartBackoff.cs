namespace OpenLfr.Vision.Video;

/// <summary>
/// Exponential backoff between ffmpeg restarts: the first retry comes quickly, a camera that keeps
/// failing is retried ever less often (up to a cap), and a run that delivered frames resets it.
/// </summary>
public sealed class RestartBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private int _failures;

    public RestartBackoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
    }

    /// <summary>Consecutive failed runs so far.</summary>
    public int Failures => _failures;

    /// <summary>The delay before the next start; counts one more failure.</summary>
    public TimeSpan NextDelay()
    {
        var factor = Math.Pow(2, Math.Min(_failures, 30));
        _failures++;
        var ms = Math.Min(_initial.TotalMilliseconds * factor, _max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>A run delivered frames: the next failure starts again from the initial delay.</summary>
    public void Reset() => _failures = 0;
}
