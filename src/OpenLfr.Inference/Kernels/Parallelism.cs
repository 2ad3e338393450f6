namespace OpenLfr.Inference.Kernels;

/// <summary>
/// A fixed team of worker threads for the kernels: <see cref="For"/> splits work items over the calling
/// thread and Threads - 1 persistent workers, without allocating. One call at a time uses the team; a
/// call made while the team is busy (another thread, or a nested call) runs inline on its caller, so
/// sharing one instance is safe, just not parallel. Dispose stops the workers.
/// </summary>
public sealed unsafe class Parallelism : IDisposable
{
    private readonly Thread[] _workers;
    private readonly SemaphoreSlim _start = new(0);
    private int _busy;
    private volatile bool _disposed;

    // The current job; written by the caller before releasing the workers.
    private delegate*<void*, int, void> _body;
    private void* _state;
    private int _count;
    private int _next;
    private int _open;
    private int _active;
    private Exception? _failure;

    /// <param name="threads">Total threads including the caller; values below 1 mean 1.</param>
    public Parallelism(int threads)
    {
        Threads = Math.Max(1, threads);
        _workers = new Thread[Threads - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"lfr-kernels-{i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>A single-threaded instance (no workers).</summary>
    public static Parallelism Single { get; } = new(1);

    /// <summary>Threads that share work, including the caller.</summary>
    public int Threads { get; }

    /// <summary>
    /// Calls body(state, i) for every i in [0, count), spread over the team, and returns when all are
    /// done. <paramref name="state"/> usually points at a struct on the caller's stack, which stays
    /// valid because this call blocks. The first exception thrown by a body is rethrown here.
    /// </summary>
    public void For(int count, delegate*<void*, int, void> body, void* state)
    {
        if (count <= 0) return;
        if (count == 1 || _workers.Length == 0 || _disposed || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int i = 0; i < count; i++) body(state, i);
            return;
        }
        try
        {
            _body = body;
            _state = state;
            _count = count;
            _next = 0;
            _failure = null;
            Volatile.Write(ref _open, 1);
            _start.Release(Math.Min(_workers.Length, count - 1));
            Drain();
            // Close the job, then wait only for workers already inside it: a worker the OS has not
            // scheduled yet (the cores are shared) must not hold this call up; it will find the job closed.
            Interlocked.Exchange(ref _open, 0);
            var spin = new SpinWait();
            while (Volatile.Read(ref _active) != 0) spin.SpinOnce(sleep1Threshold: -1);
            if (_failure is { } failure)
                throw new AggregateException("A parallel kernel work item failed.", failure);
        }
        finally
        {
            _body = null;
            _state = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    private void Drain()
    {
        var body = _body;
        void* state = _state;
        int count = _count;
        try
        {
            int i;
            while ((i = Interlocked.Increment(ref _next) - 1) < count) body(state, i);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            Volatile.Write(ref _next, count);
        }
    }

    private void WorkerLoop()
    {
        while (true)
        {
            _start.Wait();
            if (_disposed) return;
            // Enter first, then check the job is still open (the caller closes, then waits for _active == 0).
            Interlocked.Increment(ref _active);
            if (Volatile.Read(ref _open) == 1) Drain();
            Interlocked.Decrement(ref _active);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_workers.Length > 0) _start.Release(_workers.Length);
        foreach (var worker in _workers) worker.Join();
        _start.Dispose();
    }
}
