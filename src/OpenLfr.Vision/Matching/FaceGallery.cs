using OpenLfr.Vision.Embedding;

namespace OpenLfr.Vision.Matching;

/// <summary>
/// An in-memory 1:N gallery (a watchlist's templates) with exact search: every probe is scored against
/// every entry by cosine similarity (dot products of unit vectors), top-k above a threshold.
/// All templates of one embedder, stored row by row in one contiguous float buffer so a search is a
/// single streaming pass over memory.
/// Thread-safe: any number of searches run together; <see cref="Add"/> and <see cref="Remove"/> wait
/// for running searches and block new ones only for the few microseconds they take.
/// </summary>
public sealed class FaceGallery<TKey> : IDisposable where TKey : notnull
{
    private const int BlockRows = 512;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<TKey, int> _rowOf = [];
    private readonly List<TKey> _keys = [];
    private float[] _rows;

    public FaceGallery(string embedderId, string embedderVersion, int dimension, int initialCapacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        EmbedderId = embedderId;
        EmbedderVersion = embedderVersion;
        Dimension = dimension;
        _rows = new float[Math.Max(1, initialCapacity) * dimension];
    }

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
                _keys.Add(key);
                _rowOf[key] = row;
            }
            template.Vector.CopyTo(_rows.AsSpan(row * Dimension, Dimension));
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
                _keys[row] = _keys[last];
                _rowOf[_keys[row]] = row;
            }
            _keys.RemoveAt(last);
            // Template data of removed people must not linger in memory longer than needed.
            _rows.AsSpan(last * Dimension, Dimension).Clear();
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
        var tops = probes.Select(_ => new TopK(k, threshold)).ToArray();
        var scores = new float[BlockRows * 4];
        _lock.EnterReadLock();
        try
        {
            var n = _keys.Count;
            var d = Dimension;
            for (var start = 0; start < n; start += BlockRows)
            {
                var rows = Math.Min(BlockRows, n - start);
                var block = _rows.AsSpan(start * d, rows * d);
                for (var p0 = 0; p0 < probes.Count; p0 += 4)
                {
                    var group = Math.Min(4, probes.Count - p0);
                    if (group == 4)
                        DotKernels.Score(block, rows, d, new[] { probes[p0].Vector, probes[p0 + 1].Vector, probes[p0 + 2].Vector, probes[p0 + 3].Vector }, scores);
                    else
                        for (var g = 0; g < group; g++)
                            DotKernels.Score1(block, rows, d, probes[p0 + g].Vector, scores.AsSpan(g * rows, rows));
                    for (var g = 0; g < group; g++)
                    {
                        var top = tops[p0 + g];
                        var s = scores.AsSpan(g * rows, rows);
                        for (var r = 0; r < rows; r++)
                            if (s[r] >= top.Floor) top.Offer(s[r], start + r);
                    }
                }
            }
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

    public void Dispose() => _lock.Dispose();
}
