using System.Numerics;
using OpenLfr.Vision.Alignment;

namespace OpenLfr.Vision.Tests.Alignment;

public sealed class SimilarityTransformTests
{
    private static readonly Vector2[] Points =
        [new(10, 20), new(50, 22), new(31, 40), new(15, 60), new(48, 61)];

    [Theory]
    [InlineData(1.0, 0.0, 0.0, 0.0)]
    [InlineData(2.5, 0.3, 17.0, -4.0)]
    [InlineData(0.4, -1.2, -100.0, 250.0)]
    [InlineData(1.0, Math.PI, 3.0, 3.0)]
    public void Estimate_recovers_a_known_transform_exactly(double scale, double angle, double tx, double ty)
    {
        var known = SimilarityTransform.FromScaleRotationTranslation(scale, angle, tx, ty);
        var target = Points.Select(known.Apply).ToArray();
        var estimated = SimilarityTransform.Estimate(Points, target);
        Assert.Equal(known.A, estimated.A, 4);
        Assert.Equal(known.B, estimated.B, 4);
        Assert.Equal(known.Tx, estimated.Tx, 3);
        Assert.Equal(known.Ty, estimated.Ty, 3);
        Assert.Equal(scale, estimated.Scale, 4);
    }

    [Fact]
    public void Inverse_undoes_the_transform()
    {
        var t = SimilarityTransform.FromScaleRotationTranslation(1.7, 0.9, 12, -30);
        var round = Points.Select(p => t.Inverse().Apply(t.Apply(p)));
        foreach (var (a, b) in Points.Zip(round))
            Assert.True(Vector2.Distance(a, b) < 1e-3, $"{a} -> {b}");
    }

    [Fact]
    public void Estimate_is_the_least_squares_fit_for_noisy_points()
    {
        var known = SimilarityTransform.FromScaleRotationTranslation(1.3, 0.2, 5, 7);
        var noise = new Vector2[] { new(0.5f, -0.3f), new(-0.4f, 0.2f), new(0.1f, 0.6f), new(-0.2f, -0.5f), new(0.3f, 0.1f) };
        var target = Points.Select((p, i) => known.Apply(p) + noise[i]).ToArray();
        var best = SimilarityTransform.Estimate(Points, target);
        double Error(SimilarityTransform t) => Points.Select((p, i) => Vector2.DistanceSquared(t.Apply(p), target[i])).Sum();
        var e = Error(best);
        // Any small perturbation of the fit is worse.
        foreach (var d in new[] { (0.001, 0.0, 0.0, 0.0), (0.0, 0.001, 0.0, 0.0), (0.0, 0.0, 0.05, 0.0), (0.0, 0.0, 0.0, -0.05) })
        {
            var moved = new SimilarityTransform(best.A + d.Item1, best.B + d.Item2, best.Tx + d.Item3, best.Ty + d.Item4);
            Assert.True(Error(moved) > e);
        }
    }

    [Fact]
    public void Coincident_points_are_rejected()
    {
        var same = Enumerable.Repeat(new Vector2(3, 3), 5).ToArray();
        Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(same, Points));
    }
}
