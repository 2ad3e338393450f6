using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Video;

/// <summary>
/// A frame lent by a <see cref="FramePool"/>. The pixels belong to the pool: call <see cref="Dispose"/>
/// (once) when done and do not keep references to <see cref="Image"/> afterwards, because the buffer
/// is reused for a later frame.
/// </summary>
public sealed class VideoFrame : IDisposable
{
    private readonly FramePool _pool;
    private int _released;

    internal VideoFrame(FramePool pool, RgbImage image)
    {
        _pool = pool;
        Image = image;
    }

    public RgbImage Image { get; }

    /// <summary>Frame number since capture started (across restarts), from 0.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Wall-clock time the last byte of the frame arrived from ffmpeg.</summary>
    public DateTimeOffset ArrivedAt { get; internal set; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of arrival, for latency measurement.</summary>
    public long ArrivedTicks { get; internal set; }

    /// <summary>Position in the source in seconds (frame index in the current ffmpeg run / detect fps + offset of earlier runs).</summary>
    public double StreamTime { get; internal set; }

    internal void Reset() => Volatile.Write(ref _released, 0);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _pool.Return(this);
    }
}
