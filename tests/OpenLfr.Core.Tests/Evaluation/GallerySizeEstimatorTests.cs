using OpenLfr.Core.Evaluation.GallerySize;
using OpenLfr.Core.Evaluation.Metrics;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Tests.Evaluation;

public class GallerySizeEstimatorTests
{
    // Three non-mated searches against a 4-entry gallery, worked by hand at T = 0.7:
    // search 0 has 1 of 4 scores >= 0.7, search 1 has 2 of 4, search 2 none.
    private static readonly float[][] Small =
    [
        [0.9f, 0.1f, 0.2f, 0.3f],
        [0.8f, 0.75f, 0.2f, 0.1f],
        [0.5f, 0.4f, 0.3f, 0.2f],
    ];

    private static GallerySizeEstimator Estimator(float[][] nonMated, params (float, float[])[] mated) =>
        new(new GallerySizeRows(nonMated, mated, mated.Length));

    [Fact]
    public void Fpir_for_a_size_is_the_mean_over_every_sub_gallery_of_that_size()
    {
        var e = Estimator(Small);
        // N=1: 1/4, 2/4, 0 -> mean 0.25. N=2: 1-C(3,2)/C(4,2) = 1/2, 1-C(2,2)/C(4,2) = 5/6, 0 -> mean 4/9.
        Assert.Equal(0.25, e.FpirAt(0.7, 1), 12);
        Assert.Equal((0.5 + 5.0 / 6) / 3, e.FpirAt(0.7, 2), 12);
        Assert.Equal(2.0 / 3, e.FpirAt(0.7, 4), 12); // the whole gallery: two of three searches have a score >= 0.7
        for (var n = 1; n <= 4; n++)
            Assert.Equal(BruteForce(Small, 0.7, n), e.FpirAt(0.7, n), 12);
    }

    [Fact]
    public void Exact_figure_is_what_seeded_random_sub_galleries_converge_to()
    {
        var rows = RandomRows(seed: 7, searches: 300, gallery: 60);
        var e = Estimator(rows);
        var random = new Random(11);
        const int draws = 400;
        const double t = 0.93;
        foreach (var n in new[] { 3, 20 })
        {
            double mean = 0;
            for (var d = 0; d < draws; d++)
            {
                var sub = Enumerable.Range(0, 60).OrderBy(_ => random.Next()).Take(n).ToArray();
                mean += rows.Count(r => sub.Max(g => r[g]) >= t) / (double)rows.Length;
            }
            mean /= draws;
            Assert.InRange(e.FpirAt(t, n), mean - 0.01, mean + 0.01);
        }
    }

    [Fact]
    public void Threshold_is_the_smallest_whose_fpir_is_within_the_target_and_rises_with_size()
    {
        var e = Estimator(RandomRows(seed: 3, searches: 2000, gallery: 200));
        var previous = double.NegativeInfinity;
        foreach (var n in new[] { 1, 3, 10, 50, 200 })
        {
            var t = e.ThresholdFor(0.01, n);
            Assert.True(e.FpirAt(t, n) <= 0.01);
            Assert.True(e.FpirAt(Math.BitDecrement(t), n) > 0.01);
            Assert.True(t >= previous, $"threshold at N={n} ({t}) is below the one at a smaller size ({previous})");
            previous = t;
        }
    }

    [Fact]
    public void Whole_gallery_threshold_equals_the_protocols_own()
    {
        var rows = RandomRows(seed: 5, searches: 3000, gallery: 100);
        var e = Estimator(rows);
        var metrics = new IdentificationMetrics([], rows.Select((r, i) => new NonMatedSearch("p" + i, "f" + i, r.Max(), false)));
        foreach (var target in new[] { 0.01, 0.001 })
            Assert.Equal(metrics.ThresholdForFpir(target), e.ThresholdFor(target, 100));
    }

    [Fact]
    public void Independent_scores_are_extrapolated_as_one_minus_the_chance_that_all_n_miss()
    {
        // With independent scores the model is right: at the sizes measured it agrees with the exact figure.
        var rows = RandomRows(seed: 9, searches: 4000, gallery: 300);
        var e = Estimator(rows);
        const double t = 0.97;
        var fmr = e.FmrAt(t);
        Assert.Equal(1 - Math.Pow(1 - fmr, 5000), e.FpirAt(t, 5000), 9);
        Assert.True(e.IsExtrapolated(5000));
        Assert.False(e.IsExtrapolated(300));
        foreach (var n in new[] { 10, 100, 300 })
            Assert.InRange(e.ExtrapolatedFpirAt(t, n), e.FpirAt(t, n) - 0.01, e.FpirAt(t, n) + 0.01);
    }

    [Fact]
    public void Fnir_counts_a_hit_only_when_the_own_score_beats_every_drawn_impostor()
    {
        // Mated search: own 0.8; impostors 0.9 (beats it), 0.5, 0.4. Drawn with 1 other of 3: a hit unless 0.9 is drawn.
        var e = Estimator(Small, (0.8f, [0.9f, 0.5f, 0.4f]));
        Assert.Equal(0.0, e.FnirAt(0.7, 1), 12);
        Assert.Equal(1.0 / 3, e.FnirAt(0.7, 2), 12);
        Assert.Equal(1.0, e.FnirAt(0.7, 4), 12);
        Assert.Equal(1.0, e.FnirAt(0.85, 1), 12);
    }

    [Fact]
    public void Resolution_follows_the_searches_measured_and_the_comparisons_extrapolated()
    {
        var e = Estimator(RandomRows(seed: 1, searches: 1000, gallery: 100)); // 1,000 searches, 100,000 comparisons
        Assert.True(e.IsResolved(0.001, 10));
        Assert.False(e.IsResolved(0.0001, 10));
        Assert.True(e.IsResolved(0.01, 1000));    // needs 1e-5 per comparison: 1 of 100,000
        Assert.False(e.IsResolved(0.001, 1000));  // needs 1e-6 per comparison: 0.1 of 100,000
        Assert.Throws<ArgumentOutOfRangeException>(() => e.FpirAt(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => e.ThresholdFor(0, 10));
    }

    [Fact]
    public void Table_lists_measured_sizes_up_to_the_gallery_then_extrapolated_ones()
    {
        var table = GallerySizeThresholds.Compute(new GallerySizeRows(RandomRows(seed: 2, searches: 2000, gallery: 40), [], 0), [0.01, 0.001]);
        Assert.Equal([1, 2, 3, 5, 10, 20, 30, 40, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000, 20000, 50000, 100000], table.Sizes);
        Assert.False(table.At(40, 0.01).Extrapolated);
        Assert.True(table.At(50, 0.01).Extrapolated);
        var (largest, _, compared) = table.ModelAgreement;
        Assert.True(compared > 0);
        Assert.InRange(largest, 0, 0.01);
    }

    private static double BruteForce(float[][] rows, double t, int n)
    {
        double total = 0;
        foreach (var row in rows)
        {
            var subsets = Subsets(row.Length, n).ToList();
            total += subsets.Count(s => s.Any(g => row[g] >= t)) / (double)subsets.Count;
        }
        return total / rows.Length;
    }

    private static IEnumerable<int[]> Subsets(int m, int n) =>
        n == 0 ? [[]] : Enumerable.Range(0, m).SelectMany(first => Subsets(m, n - 1).Where(rest => rest.All(r => r > first)).Select(rest => rest.Prepend(first).ToArray()));

    /// <summary>Independent impostor scores, roughly normal around 0.8 like face-api's cosines.</summary>
    private static float[][] RandomRows(int seed, int searches, int gallery)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, searches).Select(_ => Enumerable.Range(0, gallery).Select(_ =>
        {
            var u = 1 - random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
            return (float)(0.8 + 0.05 * normal);
        }).ToArray()).ToArray();
    }
}
