using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Evaluation.Metrics;

/// <summary>
/// FPIR, FNIR and rank-1 over a set of searches (eval-protocol.md, "Metrics"). Works on sorted scores, so each
/// query is a binary search. A search alerts at threshold T when its score is &gt;= T.
/// </summary>
public sealed class IdentificationMetrics
{
    private readonly double[] _nonMatedAscending;
    private readonly double[] _hitScoresAscending; // only the searches that rank first; misses are in MatedCount alone

    public IdentificationMetrics(IEnumerable<MatedSearch> mated, IEnumerable<NonMatedSearch> nonMated)
    {
        var matedList = mated.ToList();
        MatedCount = matedList.Count;
        _hitScoresAscending = matedList.Where(m => m.IsRankOne).Select(m => m.HitScore).Order().ToArray();
        _nonMatedAscending = nonMated.Select(n => n.Score).Order().ToArray();
        if (_nonMatedAscending.Any(double.IsNaN) || _hitScoresAscending.Any(double.IsNaN))
            throw new EvaluationException("A similarity score is NaN; the embeddings are broken.");
    }

    public IdentificationMetrics(SearchOutcomes outcomes) : this(outcomes.Mated, outcomes.NonMated)
    {
    }

    public int MatedCount { get; }

    public int NonMatedCount => _nonMatedAscending.Length;

    /// <summary>Share of mated searches whose own identity ranks first, with no threshold (misses included).</summary>
    public double RankOne => MatedCount == 0 ? double.NaN : (double)_hitScoresAscending.Length / MatedCount;

    /// <summary>Share of non-mated searches with score &gt;= <paramref name="threshold"/>.</summary>
    public double Fpir(double threshold) => NonMatedCount == 0 ? double.NaN : (double)CountAtLeast(_nonMatedAscending, threshold) / NonMatedCount;

    /// <summary>Share of mated searches that are not hits (mated score &gt;= T and above every impostor) at <paramref name="threshold"/>.</summary>
    public double Fnir(double threshold) => MatedCount == 0 ? double.NaN : 1.0 - (double)CountAtLeast(_hitScoresAscending, threshold) / MatedCount;

    /// <summary>
    /// The smallest threshold whose FPIR is at most <paramref name="targetFpir"/>. With k = floor(target * N) false
    /// alerts allowed and s the (k+1)-th highest non-mated score, every T &gt; s passes and no T &lt;= s does, so the
    /// answer is the next double above s. Ties at s are all excluded, so the reached FPIR may be below the target.
    /// </summary>
    public double ThresholdForFpir(double targetFpir)
    {
        if (!(targetFpir is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(targetFpir), targetFpir, "A target FPIR is between 0 and 1.");
        if (NonMatedCount == 0)
            throw new EvaluationException("There are no non-mated searches, so no threshold can be chosen for a target FPIR.");
        var allowed = AllowedFalseAlerts(targetFpir, NonMatedCount);
        if (allowed >= NonMatedCount) return double.NegativeInfinity;
        var s = _nonMatedAscending[NonMatedCount - 1 - allowed];
        return Math.BitIncrement(s);
    }

    public OperatingPoint AtFpir(double targetFpir)
    {
        var threshold = ThresholdForFpir(targetFpir);
        return new OperatingPoint(targetFpir, threshold, Fpir(threshold), Fnir(threshold), Resolved: NonMatedCount * targetFpir >= 1 - 1e-9);
    }

    /// <summary>
    /// The DET curve: one point per distinct non-mated score s (threshold s, highest first), i.e. every FPIR the
    /// searches can reach above zero.
    /// </summary>
    public IReadOnlyList<CurvePoint> DetCurve()
    {
        var points = new List<CurvePoint>();
        for (var i = NonMatedCount - 1; i >= 0; i--)
        {
            if (i > 0 && _nonMatedAscending[i - 1] == _nonMatedAscending[i]) continue; // take each distinct score once, at its lowest index
            var threshold = _nonMatedAscending[i];
            points.Add(new CurvePoint(threshold, (double)(NonMatedCount - i) / NonMatedCount, Fnir(threshold)));
        }
        return points;
    }

    /// <summary>floor(target * n), computed in decimal so that e.g. 0.001 * 11000 is 11 and not 10.999...</summary>
    public static int AllowedFalseAlerts(double targetFpir, int n) => (int)Math.Floor((decimal)targetFpir * n);

    /// <summary>How many of the ascending <paramref name="sorted"/> are &gt;= <paramref name="threshold"/>.</summary>
    private static int CountAtLeast(double[] sorted, double threshold)
    {
        // First index whose value is >= threshold: a lower-bound search.
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < threshold) lo = mid + 1;
            else hi = mid;
        }
        return sorted.Length - lo;
    }
}
