using System.Buffers;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Vision.Matching;

/// <summary>
/// An in-memory 1:N gallery (a watchlist's templates) with exact search: top-k by cosine similarity (dot
/// products of unit vectors) above a threshold, the same entries and the same fp32 scores as scoring every
/// entry in fp32. The search streams an int8 copy of the rows (4x less memory than fp32) to find the few
/// candidates that can be in the result, with a proven error bound, then scores those in fp32.
/// Thread-safe: any number of searches run together; <see cref="Add"/> and <see cref="Remove"/> wait
/// for running searches and block new ones only for the few microseconds they take.
/// </summary>
public sealed class FaceGallery<TKey> : IDisposable where TKey : notnull
{
    // int8 panels scored per probe before the next probe: fits L2 so a batch reads memory once.
    private const int ChunkBytes = 128 * 1024;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<TKey, int> _rowOf = [];
    private readonly List<TKey> _keys = [];
    private readonly QuantizedRows _quantized;
    // fp32 rows: the exact scores returned (re-scoring the int8 pass's candidates) and the baseline scan.
    private float[] _rows;
    private long _rescored;

    public FaceGallery(string embedderId, string embedderVersion, int dimension, int initialCapacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        EmbedderId = embedderId;
        EmbedderVersion = embedderVersion;
        Dimension = dimension;
        _rows = new float[Math.Max(1, initialCapacity) * dimension];
        _quantized = new QuantizedRows(dimension, initialCapacity);
    }

    /// <summary>The int8 kernel (default: the fastest this CPU supports); tests pin each one.</summary>
    internal Int8Kernel Kernel { get; set; } = Int8KernelSupport.Best;

    /// <summary>True: score every fp32 row (the old search, for comparison); false: int8 filter + fp32 re-score.</summary>
    internal bool ExactFloatScan { get; set; }

    /// <summary>Rows re-scored in fp32 by all searches so far (benchmarks report it per probe).</summary>
    internal long Rescored => Interlocked.Read(ref _rescored);

    /// <summary>A gallery for templates of the same embedder as <paramref name="example"/>.</summary>
    public static FaceGallery<TKey> For(FaceTemplate example) => new(example.EmbedderId, example.EmbedderVersion, example.Dimension);

    public string EmbedderId { get; }
    public string EmbedderVersion { get; }
    public int Dimension { get; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _keys.Count; } finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds or replaces the template stored under <paramref name="key"/>.</summary>
    /// <exception cref="TemplateMismatchException">The template comes from another embedder.</exception>
    public void Add(TKey key, FaceTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        template.EnsureComparable(EmbedderId, EmbedderVersion, Dimension);
        _lock.EnterWriteLock();
        try
        {
            if (!_rowOf.TryGetValue(key, out var row))
            {
                row = _keys.Count;
                if ((row + 1) * Dimension > _rows.Length)
                    Array.Resize(ref _rows, Math.Max(_rows.Length * 2, (row + 1) * Dimension));
                _quantized.EnsureCapacity(row + 1);
                _keys.Add(key);
                _rowOf[key] = row;
            }
            template.Vector.CopyTo(_rows.AsSpan(row * Dimension, Dimension));
            _quantized.Set(row, template.Vector);
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Removes the entry; true if it was there. The last row moves into its place.</summary>
    public bool Remove(TKey key)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_rowOf.Remove(key, out var row)) return false;
            var last = _keys.Count - 1;
            if (row != last)
            {
                _rows.AsSpan(last * Dimension, Dimension).CopyTo(_rows.AsSpan(row * Dimension, Dimension));
                _quantized.Move(last, row);
                _keys[row] = _keys[last];
                _rowOf[_keys[row]] = row;
            }
            _keys.RemoveAt(last);
            // Template data of removed people must not linger in memory longer than needed.
            _rows.AsSpan(last * Dimension, Dimension).Clear();
            _quantized.Clear(last);
            if (_keys.Count == 0) _quantized.ResetBounds();
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    public bool Contains(TKey key)
    {
        _lock.EnterReadLock();
        try { return _rowOf.ContainsKey(key); } finally { _lock.ExitReadLock(); }
    }

    /// <summary>The best <paramref name="k"/> entries scoring at least <paramref name="threshold"/>, best first.</summary>
    /// <exception cref="TemplateMismatchException">The probe comes from another embedder.</exception>
    public IReadOnlyList<GalleryMatch<TKey>> Search(FaceTemplate probe, int k = 1, float threshold = float.NegativeInfinity) =>
        SearchMany([probe], k, threshold)[0];

    /// <summary>
    /// Searches several probes (e.g. every face of a frame) in one pass: each block of gallery rows is
    /// read from memory once and scored against all probes, so per-probe cost falls with the batch.
    /// </summary>
    public IReadOnlyList<GalleryMatch<TKey>>[] SearchMany(IReadOnlyList<FaceTemplate> probes, int k = 1, float threshold = float.NegativeInfinity)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        foreach (var p in probes) p.EnsureComparable(EmbedderId, EmbedderVersion, Dimension);
        _lock.EnterReadLock();
        try
        {
            var tops = ExactFloatScan ? Fp32Scan.Search(_rows, _keys.Count, Dimension, probes, k, threshold) : ScanInt8(probes, k, threshold);
            var results = new IReadOnlyList<GalleryMatch<TKey>>[probes.Count];
            for (var p = 0; p < probes.Count; p++)
            {
                var list = new GalleryMatch<TKey>[tops[p].Count];
                for (var i = 0; i < list.Length; i++)
                {
                    var (score, index) = tops[p][i];
                    list[i] = new GalleryMatch<TKey>(_keys[index], score);
                }
                results[p] = list;
            }
            return results;
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// The default search: int8 rows pick candidates, fp32 rows score them (see <see cref="Int8ProbeSearch"/>).
    /// Chunks of panels small enough to stay in L2 are scored against every probe before moving on.
    /// </summary>
    private TopK[] ScanInt8(IReadOnlyList<FaceTemplate> probes, int k, float threshold)
    {
        var q = _quantized;
        var searches = probes.Select(p => new Int8ProbeSearch(p.Vector, q, k, threshold)).ToArray();
        var n = _keys.Count;
        var chunkPanels = Math.Max(1, ChunkBytes / q.PanelBytes);
        var dots = ArrayPool<int>.Shared.Rent(chunkPanels * QuantizedRows.PanelRows);
        try
        {
            var totalPanels = QuantizedRows.PanelsFor(n);
            for (var firstPanel = 0; firstPanel < totalPanels; firstPanel += chunkPanels)
            {
                var panels = Math.Min(chunkPanels, totalPanels - firstPanel);
                var firstRow = firstPanel * QuantizedRows.PanelRows;
                var rows = Math.Min(panels * QuantizedRows.PanelRows, n - firstRow);
                var panelData = q.Panels.Slice(firstPanel * q.PanelBytes, panels * q.PanelBytes);
                var bias = q.Bias.Slice(firstRow, panels * QuantizedRows.PanelRows);
                var scales = q.Scales.Slice(firstRow, rows);
                foreach (var search in searches)
                {
                    Int8PanelKernels.Score(Kernel, panelData, bias, panels, q.Groups, search.Probe, dots);
                    search.Scan(dots.AsSpan(0, rows), scales, firstRow, rows);
                }
            }
        }
        finally { ArrayPool<int>.Shared.Return(dots); }
        foreach (var search in searches)
        {
            search.Rescore(_rows, Dimension);
            Interlocked.Add(ref _rescored, search.Rescored);
        }
        return searches.Select(s => s.Exact).ToArray();
    }

    /// <summary>Every row's approximate (int8) score against <paramref name="probe"/>, and the error bound (tests, benchmarks).</summary>
    internal (float[] Scores, float Epsilon) ApproximateScores(FaceTemplate probe)
    {
        probe.EnsureComparable(EmbedderId, EmbedderVersion, Dimension);
        _lock.EnterReadLock();
        try
        {
            var q = _quantized;
            var search = new Int8ProbeSearch(probe.Vector, q, 1, float.NegativeInfinity);
            var n = _keys.Count;
            var panels = QuantizedRows.PanelsFor(n);
            var dots = new int[panels * QuantizedRows.PanelRows];
            Int8PanelKernels.Score(Kernel, q.Panels, q.Bias, panels, q.Groups, search.Probe, dots);
            var scores = new float[n];
            for (var r = 0; r < n; r++) scores[r] = dots[r] * q.Scales[r] * search.Probe.Scale;
            return (scores, search.Epsilon);
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The exact fp32 cosine of stored row <paramref name="row"/> with <paramref name="probe"/> (benchmarks).</summary>
    internal float StoredSimilarity(int row, FaceTemplate probe)
    {
        _lock.EnterReadLock();
        try { return System.Numerics.Tensors.TensorPrimitives.Dot(_rows.AsSpan(row * Dimension, Dimension), probe.Vector); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The stored int8 values and scale of the entry under <paramref name="key"/> (tests).</summary>
    internal (sbyte[] Values, float Scale) QuantizedRow(TKey key)
    {
        _lock.EnterReadLock();
        try
        {
            var row = _rowOf[key];
            return (_quantized.Row(row), _quantized.Scales[row]);
        }
        finally { _lock.ExitReadLock(); }
    }

    public void Dispose() => _lock.Dispose();
}
