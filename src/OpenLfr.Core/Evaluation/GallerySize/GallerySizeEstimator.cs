namespace OpenLfr.Core.Evaluation.GallerySize;

/// <summary>
/// FPIR and FNIR as a function of the watchlist's size N, the way NIST FRTE reports them.
/// <para>
/// Up to the evaluation's own gallery, the FPIR at threshold T for size N is the mean, over every sub-gallery of N
/// entries, of the share of non-mated searches whose best score among those entries is &gt;= T. That mean is computed
/// exactly rather than sampled: a search with k of its M gallery scores &gt;= T stays silent with a random N of them
/// with the hypergeometric probability C(M-k, N)/C(M, N), so the FPIR is the mean over searches of
/// 1 - C(M-k, N)/C(M, N) — what averaging infinitely many random sub-galleries converges to, with no seed and no
/// sampling noise (the unit tests check it against seeded random draws).
/// </para>
/// <para>
/// Beyond the gallery there is nothing to draw, so the FPIR is extrapolated from the false match rate of single
/// comparisons, FMR(T) (share of all non-mated search-to-entry comparisons scoring &gt;= T), assuming a search's
/// comparisons are independent: FPIR ≈ 1 - (1 - FMR(T))^N. They are not quite (a probe that looks like many people
/// scores high against all of them), which makes the formula overstate the FPIR, i.e. err on the safe side; the
/// table reports its agreement with the exact figures at the sizes where both exist.
/// </para>
/// </summary>
public sealed class GallerySizeEstimator
{
    private readonly GallerySizeRows _rows;
    private readonly double[] _logFactorial;
    private readonly float _lowest;
    private readonly float _highest;

    public GallerySizeEstimator(GallerySizeRows rows)
    {
        _rows = rows;
        if (rows.NonMated.Length == 0 || rows.NonMated.Any(r => r.Length == 0))
            throw new EvaluationException("Gallery-size figures need non-mated searches, each with at least one gallery entry to compare with.");
        FullSize = rows.NonMated.Max(r => r.Length);
        Comparisons = rows.NonMated.Sum(r => (long)r.Length);
        var longest = Math.Max(FullSize, rows.Mated.Select(m => m.Impostors.Length).DefaultIfEmpty(0).Max());
        _logFactorial = new double[longest + 2];
        for (var i = 1; i < _logFactorial.Length; i++) _logFactorial[i] = _logFactorial[i - 1] + Math.Log(i);
        _lowest = rows.NonMated.Min(r => r[^1]);
        _highest = rows.NonMated.Max(r => r[0]);
    }

    /// <summary>The evaluation's own gallery size (enrolled entries): sizes up to it are measured, larger ones extrapolated.</summary>
    public int FullSize { get; }

    public int NonMatedSearches => _rows.NonMated.Length;

    /// <summary>Non-mated search-to-entry comparisons: what the false match rate is measured over.</summary>
    public long Comparisons { get; }

    public bool IsExtrapolated(int gallerySize) => Valid(gallerySize) > FullSize;

    /// <summary>Share of all non-mated comparisons scoring &gt;= <paramref name="threshold"/>.</summary>
    public double FmrAt(double threshold) => (double)_rows.NonMated.Sum(r => (long)CountAtLeast(r, threshold)) / Comparisons;

    /// <summary>
    /// FPIR at <paramref name="threshold"/> for watchlists of <paramref name="gallerySize"/>: exact over sub-galleries up
    /// to <see cref="FullSize"/> (a search whose gallery row is shorter uses all of it), extrapolated beyond.
    /// </summary>
    public double FpirAt(double threshold, int gallerySize) =>
        IsExtrapolated(gallerySize) ? ExtrapolatedFpirAt(threshold, gallerySize) : MeasuredFpirAt(threshold, gallerySize);

    /// <summary>The independence model's FPIR: 1 - (1 - FMR(T))^N.</summary>
    public double ExtrapolatedFpirAt(double threshold, int gallerySize) =>
        -double.ExpM1(Valid(gallerySize) * double.LogP1(-FmrAt(threshold)));

    /// <summary>
    /// FNIR at <paramref name="threshold"/> for watchlists of <paramref name="gallerySize"/> that include the searched
    /// person: a hit needs the own score &gt;= T and above every one of the other N-1 entries (a tie is a miss). Exact
    /// over sub-galleries up to the gallery; beyond it, each search's chance that N-1 entries all score below its own
    /// is extrapolated from its own row's share, (1 - k/M)^(N-1).
    /// </summary>
    public double FnirAt(double threshold, int gallerySize)
    {
        var others = Valid(gallerySize) - 1;
        var extrapolated = IsExtrapolated(gallerySize);
        double hits = 0;
        foreach (var (mated, impostors) in _rows.Mated)
        {
            if (mated < threshold) continue;
            var above = CountAtLeast(impostors, mated);
            hits += extrapolated
                ? Math.Exp(others * double.LogP1(-(double)above / impostors.Length))
                : NoneDrawn(impostors.Length, above, Math.Min(others, impostors.Length));
        }
        return _rows.MatedCount == 0 ? double.NaN : 1 - hits / _rows.MatedCount;
    }

    /// <summary>
    /// The smallest threshold whose FPIR for <paramref name="gallerySize"/> is at most <paramref name="targetFpir"/>
    /// (scores &gt;= it alert), like <see cref="Metrics.IdentificationMetrics.ThresholdForFpir"/> for the whole gallery:
    /// the FPIR only changes at a score, so the answer is just above one.
    /// </summary>
    public double ThresholdFor(double targetFpir, int gallerySize) => Smallest(t => FpirAt(t, gallerySize) <= targetFpir, targetFpir);

    /// <summary><see cref="ThresholdFor"/> under the independence model, also for sizes that are measured (to check the model).</summary>
    public double ExtrapolatedThresholdFor(double targetFpir, int gallerySize) =>
        Smallest(t => ExtrapolatedFpirAt(t, gallerySize) <= targetFpir, targetFpir);

    /// <summary>
    /// Whether <paramref name="targetFpir"/> can be measured at this size: measured sizes need at least 1/target
    /// non-mated searches (as for the whole gallery); extrapolated ones need the per-comparison rate the target
    /// implies, 1 - (1 - target)^(1/N), to be at least one comparison.
    /// </summary>
    public bool IsResolved(double targetFpir, int gallerySize) =>
        IsExtrapolated(gallerySize)
            ? Comparisons * -double.ExpM1(double.LogP1(-targetFpir) / gallerySize) >= 1 - 1e-9
            : NonMatedSearches * targetFpir >= 1 - 1e-9;

    private double MeasuredFpirAt(double threshold, int gallerySize)
    {
        double alerts = 0;
        foreach (var row in _rows.NonMated)
            alerts += 1 - NoneDrawn(row.Length, CountAtLeast(row, threshold), Math.Min(gallerySize, row.Length));
        return alerts / _rows.NonMated.Length;
    }

    /// <summary>C(m-k, n) / C(m, n): the chance that n of m entries drawn without replacement miss all k marked ones.</summary>
    private double NoneDrawn(int m, int k, int n)
    {
        if (k == 0 || n == 0) return 1;
        if (m - k < n) return 0;
        return Math.Exp(_logFactorial[m - k] - _logFactorial[m - k - n] - _logFactorial[m] + _logFactorial[m - n]);
    }

    /// <summary>Smallest double T with <paramref name="passes"/>(T), for a predicate that holds from some T on.</summary>
    private double Smallest(Func<double, bool> passes, double targetFpir)
    {
        if (!(targetFpir is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(targetFpir), targetFpir, "A target FPIR is between 0 and 1.");
        if (passes(_lowest)) return double.NegativeInfinity;
        long lo = Key(_lowest), hi = Key(Math.BitIncrement((double)_highest)); // fails at lo, passes at hi (nothing scores above)
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (passes(FromKey(mid))) hi = mid;
            else lo = mid;
        }
        return FromKey(hi);
    }

    /// <summary>Doubles mapped to longs in the same order, so that a bisection on them ends on adjacent doubles.</summary>
    private static long Key(double v)
    {
        var bits = BitConverter.DoubleToInt64Bits(v);
        return bits >= 0 ? bits : long.MinValue - bits;
    }

    private static double FromKey(long key) => BitConverter.Int64BitsToDouble(key >= 0 ? key : long.MinValue - key);

    /// <summary>How many of the descending <paramref name="descending"/> are &gt;= <paramref name="threshold"/>.</summary>
    private static int CountAtLeast(float[] descending, double threshold)
    {
        int lo = 0, hi = descending.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (descending[mid] >= threshold) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int Valid(int gallerySize) =>
        gallerySize >= 1 ? gallerySize : throw new ArgumentOutOfRangeException(nameof(gallerySize), gallerySize, "A gallery has at least one entry.");
}
