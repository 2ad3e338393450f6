using OpenLfr.Core.Evaluation.Metrics;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Tests.Evaluation;

public class IdentificationMetricsTests
{
    // Ten non-mated tops (0.8 twice) and five mated searches worked out by hand:
    // A hit from 0.85 down; B ranks below an impostor; C ties its impostor (a miss); D no face; E hit from 0.95 down.
    private static readonly double[] NonMatedScores = [0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];

    private static IdentificationMetrics Example() => new(
        [
            new MatedSearch("A", "a", MatedSearchStatus.Searched, 0.85, 0.5),
            new MatedSearch("B", "b", MatedSearchStatus.Searched, 0.75, 0.8),
            new MatedSearch("C", "c", MatedSearchStatus.Searched, 0.6, 0.6),
            new MatedSearch("D", "d", MatedSearchStatus.ProbeNotDetected, null, null),
            new MatedSearch("E", "e", MatedSearchStatus.Searched, 0.95, 0.3),
        ],
        NonMatedScores.Select((s, i) => new NonMatedSearch("N" + i, "n" + i, s, false)));

    [Fact]
    public void Rank_one_counts_strict_wins_over_all_mated_searches()
    {
        Assert.Equal(0.4, Example().RankOne, 12);
    }

    [Fact]
    public void Fpir_and_fnir_count_scores_at_or_above_the_threshold()
    {
        var m = Example();
        Assert.Equal(0.3, m.Fpir(0.8), 12);
        Assert.Equal(0.1, m.Fpir(Math.BitIncrement(0.8)), 12);
        Assert.Equal(1.0, m.Fpir(0.1), 12);
        Assert.Equal(0.0, m.Fpir(0.91), 12);
        Assert.Equal(0.6, m.Fnir(0.85), 12);
        Assert.Equal(0.8, m.Fnir(Math.BitIncrement(0.85)), 12);
        Assert.Equal(0.6, m.Fnir(double.NegativeInfinity), 12);
    }

    [Theory]
    [InlineData(0.1, 0.8, 0.1, 0.6, true)]   // one alert allowed: the 2nd highest is 0.8, T just above it
    [InlineData(0.2, 0.8, 0.1, 0.6, true)]   // two allowed, but the 3rd highest ties the 2nd: both excluded
    [InlineData(0.3, 0.7, 0.3, 0.6, true)]   // three allowed: T just above 0.7 lets 0.9, 0.8, 0.8 through
    [InlineData(0.05, 0.9, 0.0, 0.8, false)] // 10 searches cannot resolve 1/20: T above the top, FPIR 0
    public void Threshold_is_the_smallest_whose_fpir_meets_the_target(double target, double justBelow, double fpir, double fnir, bool resolved)
    {
        var point = Example().AtFpir(target);

        Assert.Equal(Math.BitIncrement(justBelow), point.Threshold);
        Assert.Equal(fpir, point.Fpir, 12);
        Assert.Equal(fnir, point.Fnir, 12);
        Assert.Equal(resolved, point.Resolved);
        Assert.True(Example().Fpir(Math.BitDecrement(point.Threshold)) > target, "a lower threshold must break the target");
    }

    [Theory]
    [InlineData(0.001, 11000, 11)]
    [InlineData(0.01, 11553, 115)]
    [InlineData(0.0001, 11553, 1)]
    [InlineData(0.001, 999, 0)]
    public void Allowed_false_alerts_is_an_exact_floor(double target, int n, int expected)
    {
        Assert.Equal(expected, IdentificationMetrics.AllowedFalseAlerts(target, n));
    }

    [Fact]
    public void Det_curve_has_one_point_per_distinct_non_mated_score()
    {
        var curve = Example().DetCurve();

        Assert.Equal(9, curve.Count);
        Assert.Equal(new CurvePoint(0.9, 0.1, 0.8), curve[0]);
        Assert.Equal(new CurvePoint(0.8, 0.3, 0.6), curve[1]);
        Assert.Equal(1.0, curve[^1].Fpir, 12);
        Assert.All(curve.Zip(curve.Skip(1)), p => Assert.True(p.First.Fpir < p.Second.Fpir && p.First.Fnir >= p.Second.Fnir));
    }
}
