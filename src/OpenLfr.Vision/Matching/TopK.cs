namespace OpenLfr.Vision.Matching;

/// <summary>Keeps the k highest (score, index) pairs seen, earlier offers first among equal scores; a small sorted array since k is small (1-50).</summary>
internal sealed class TopK
{
    private readonly float[] _scores;
    private readonly int[] _indices;

    public TopK(int k, float threshold)
    {
        _scores = new float[k];
        _indices = new int[k];
        Count = 0;
        Floor = threshold;
    }

    public int Count { get; private set; }

    /// <summary>True once k entries are held (then <see cref="Floor"/> is at least the k-th best score).</summary>
    public bool IsFull => Count == _scores.Length;

    /// <summary>The lowest score that can still enter: the threshold, or the current k-th best once full.</summary>
    public float Floor { get; private set; }

    public void Offer(float score, int index)
    {
        if (score < Floor) return;
        var k = _scores.Length;
        // Ties keep the entry offered first (like a stable sort), also at the k-th place.
        if (Count == k && score <= _scores[k - 1]) return;
        var i = Count < k ? Count++ : k - 1;
        while (i > 0 && _scores[i - 1] < score)
        {
            _scores[i] = _scores[i - 1];
            _indices[i] = _indices[i - 1];
            i--;
        }
        _scores[i] = score;
        _indices[i] = index;
        if (Count == k) Floor = Math.Max(Floor, _scores[k - 1]);
    }

    public (float Score, int Index) this[int i] => (_scores[i], _indices[i]);
}
