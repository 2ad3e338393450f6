namespace OpenLfr.Core.Evaluation.GallerySize;

/// <summary>
/// Thresholds at target FPIRs as a function of the watchlist's size (<see cref="GallerySizeEstimator"/>): the table
/// `lfr evaluate` reports so that a deployment's threshold can follow its watchlist's size instead of the size of the
/// evaluation's gallery.
/// </summary>
public sealed record GallerySizeThresholds(int FullSize, int NonMatedSearches, long Comparisons, IReadOnlyList<GallerySizePoint> Points)
{
    /// <summary>
    /// Sizes reported (roughly 1-2-3-5 per decade): those below the evaluation's gallery are measured, the gallery's own
    /// size is added, and those above it are extrapolated.
    /// </summary>
    public static readonly int[] ReportedSizes = [1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000, 20000, 50000, 100000];

    public IEnumerable<int> Sizes => Points.Select(p => p.GallerySize).Distinct();

    public GallerySizePoint At(int gallerySize, double targetFpir) =>
        Points.Single(p => p.GallerySize == gallerySize && p.TargetFpir == targetFpir);

    /// <summary>
    /// How far the independence model's threshold is from the measured one, over resolved measured points other than
    /// size 1 (where the model is exact by construction): the largest absolute difference, and whether the model was
    /// at least as high (safe) everywhere.
    /// </summary>
    public (double LargestDifference, bool ModelNeverLower, int Compared) ModelAgreement
    {
        get
        {
            var compared = Points.Where(p => !p.Extrapolated && p.Resolved && p.GallerySize > 1
                                             && double.IsFinite(p.Threshold) && double.IsFinite(p.ModelThreshold)).ToList();
            return compared.Count == 0
                ? (double.NaN, true, 0)
                : (compared.Max(p => Math.Abs(p.ModelThreshold - p.Threshold)), compared.All(p => p.ModelThreshold >= p.Threshold), compared.Count);
        }
    }

    public static GallerySizeThresholds Compute(GallerySizeRows rows, IReadOnlyList<double> targetFpirs)
    {
        var estimator = new GallerySizeEstimator(rows);
        var full = estimator.FullSize;
        var sizes = ReportedSizes.Where(n => n < full).Append(full).Concat(ReportedSizes.Where(n => n > full)).ToArray();
        var points = new GallerySizePoint[sizes.Length * targetFpirs.Count];
        Parallel.For(0, points.Length, i =>
        {
            var n = sizes[i / targetFpirs.Count];
            var target = targetFpirs[i % targetFpirs.Count];
            var threshold = estimator.ThresholdFor(target, n);
            var extrapolated = estimator.IsExtrapolated(n);
            points[i] = new GallerySizePoint(
                n, target, threshold, estimator.FpirAt(threshold, n), estimator.FnirAt(threshold, n),
                estimator.IsResolved(target, n), extrapolated,
                extrapolated ? threshold : estimator.ExtrapolatedThresholdFor(target, n));
        });
        return new GallerySizeThresholds(full, estimator.NonMatedSearches, estimator.Comparisons, points);
    }
}
