using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Video;

/// <summary>
/// A fixed set of frame buffers shared by one writer (the capture reader thread) and one consumer (the
/// pipeline). Memory never grows: when the consumer falls behind, waiting frames older than the newest
/// are dropped and their buffers reused, so the consumer always gets the most recent picture (newest
/// wins, as in Frigate). Thread-safe for one writer and one consumer.
/// </summary>
public sealed class FramePool
{
    private readonly object _gate = new();
    private readonly Stack<VideoFrame> _free = new();
    private readonly LinkedList<VideoFrame> _ready = new();
    private readonly SemaphoreSlim _signal = new(0);
    private long _dropped;
    private bool _completed;

    /// <param name="capacity">Number of buffers (>= 3: one writing, one processing, one waiting).</param>
    /// <param name="lossless">
    /// Offline mode (a file read as fast as possible for evaluation): never drop; the writer waits for a
    /// free buffer and the consumer takes frames in order.
    /// </param>
    public FramePool(int width, int height, int capacity, bool lossless = false)
    {
        Lossless = lossless;
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 3);
        Width = width;
        Height = height;
        Capacity = capacity;
        for (var i = 0; i < capacity; i++) _free.Push(new VideoFrame(this, new RgbImage(width, height)));
    }

    public int Width { get; }
    public int Height { get; }
    public int Capacity { get; }
    public bool Lossless { get; }

    /// <summary>Frames published but replaced by newer ones before the consumer took them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// A buffer to fill. When none is free the oldest waiting frame is dropped and its buffer reused;
    /// returns null only if every buffer is held by the consumer (a consumer bug: it must dispose frames).
    /// </summary>
    public VideoFrame? RentForWrite()
    {
        lock (_gate)
        {
            if (_free.Count > 0) return _free.Pop();
            if (_ready.Count > 0 && !Lossless)
            {
                var oldest = _ready.First!.Value;
                _ready.RemoveFirst();
                _signal.Wait(0); // keep the semaphore count equal to the number of ready frames
                Interlocked.Increment(ref _dropped);
                return oldest;
            }
            return null;
        }
    }

    /// <summary>Gives back a rented buffer that was not filled (e.g. the stream ended mid-frame).</summary>
    public void CancelWrite(VideoFrame frame)
    {
        lock (_gate) _free.Push(frame);
    }

    /// <summary>Makes a filled frame available to the consumer.</summary>
    public void Publish(VideoFrame frame)
    {
        frame.Reset();
        lock (_gate) _ready.AddLast(frame);
        _signal.Release();
    }

    /// <summary>No more frames will be published; a waiting consumer gets null once the ready frames are taken.</summary>
    public void Complete()
    {
        lock (_gate) _completed = true;
        _signal.Release();
    }

    /// <summary>
    /// The newest ready frame (older ready frames are dropped), waiting up to <paramref name="timeout"/>.
    /// Returns null on timeout or when the pool is completed and empty. The caller must dispose the frame.
    /// </summary>
    public async ValueTask<VideoFrame?> TakeNewestAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining < TimeSpan.Zero) remaining = TimeSpan.Zero;
            if (!await _signal.WaitAsync(remaining, cancellationToken).ConfigureAwait(false)) return null;
            lock (_gate)
            {
                if (_ready.Count == 0)
                {
                    if (_completed)
                    {
                        _signal.Release(); // let later calls see completion too
                        return null;
                    }
                    continue;
                }
                if (Lossless)
                {
                    var next = _ready.First!.Value;
                    _ready.RemoveFirst();
                    return next;
                }
                var newest = _ready.Last!.Value;
                _ready.RemoveLast();
                while (_ready.Count > 0)
                {
                    var stale = _ready.First!.Value;
                    _ready.RemoveFirst();
                    _signal.Wait(0);
                    Interlocked.Increment(ref _dropped);
                    _free.Push(stale);
                }
                return newest;
            }
        }
    }

    internal void Return(VideoFrame frame)
    {
        lock (_gate) _free.Push(frame);
    }
}
