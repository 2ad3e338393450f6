using OpenLfr.Core.Evaluation.Demographics;
using OpenLfr.Core.Evaluation.Labels;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Tests.Evaluation;

public class GroupDifferentialsTests
{
    // Threshold 0.5. Group f: identities F1 (2 mated: one hit, one below T), F2 (1 mated hit), non-mated 0.6 (alert), 0.2.
    // Group m: identities M1 (2 mated hits), M2 (no face), non-mated 0.7, 0.55, 0.1, 0.3 (two alerts). X is unlabelled.
    private static SearchOutcomes Example() => new(
        [
            new MatedSearch("F1", "f1a", MatedSearchStatus.Searched, 0.9, 0.2),
            new MatedSearch("F1", "f1b", MatedSearchStatus.Searched, 0.4, 0.1),
            new MatedSearch("F2", "f2a", MatedSearchStatus.Searched, 0.8, 0.3),
            new MatedSearch("M1", "m1a", MatedSearchStatus.Searched, 0.9, 0.2),
            new MatedSearch("M1", "m1b", MatedSearchStatus.Searched, 0.7, 0.6),
            new MatedSearch("M2", "m2a", MatedSearchStatus.ProbeNotDetected, null, null),
            new MatedSearch("X", "xa", MatedSearchStatus.Searched, 0.9, 0.1),
        ],
        [
            new NonMatedSearch("F3", "f3", 0.6, false), new NonMatedSearch("F4", "f4", 0.2, false),
            new NonMatedSearch("M3", "m3", 0.7, false), new NonMatedSearch("M4", "m4", 0.55, false),
            new NonMatedSearch("M5", "m5", 0.1, false), new NonMatedSearch("M6", "m6", 0.3, false),
            new NonMatedSearch("X", "xn", 0.9, true),
        ],
        galleryCount: 5, failedToEnrol: 0, probesNotDetected: 1);

    private static GroupLabels Labels() => GroupLabels.FromPairs(
        new[] { "f1a", "f1b", "f2a", "f3", "f4" }.Select(f => (f, "female"))
            .Concat(new[] { "m1a", "m1b", "m2a", "m3", "m4", "m5", "m6" }.Select(f => (f, "male"))));

    [Fact]
    public void Per_group_rates_are_computed_at_the_threshold_from_each_probe_s_own_group()
    {
        var d = GroupDifferentials.Compute(Example(), Labels(), threshold: 0.5);

        var female = d.Groups.Single(g => g.Group == "female");
        var male = d.Groups.Single(g => g.Group == "male");
        Assert.Equal((0.5, 1.0 / 3, 3, 2, 4), (female.Fpir, female.Fnir, female.MatedCount, female.NonMatedCount, female.Identities));
        Assert.Equal((0.5, 1.0 / 3, 3, 4, 6), (male.Fpir, male.Fnir, male.MatedCount, male.NonMatedCount, male.Identities));
        Assert.Equal(2, d.UnlabelledSearches);
        Assert.Equal(1.0, d.Ratio!.Fpir);
        Assert.Equal(1.0, d.Ratio.Fnir);
    }

    [Fact]
    public void Bootstrap_intervals_contain_the_estimate_stay_in_range_and_repeat_with_the_seed()
    {
        var a = GroupDifferentials.Compute(Example(), Labels(), 0.5, resamples: 500, seed: 7);
        var b = GroupDifferentials.Compute(Example(), Labels(), 0.5, resamples: 500, seed: 7);

        Assert.Equal(a.Groups, b.Groups);
        foreach (var g in a.Groups)
        {
            Assert.InRange(g.Fpir, g.FpirCi.Low, g.FpirCi.High);
            Assert.InRange(g.Fnir, g.FnirCi.Low, g.FnirCi.High);
            Assert.True(g.FpirCi.Low >= 0 && g.FpirCi.High <= 1 && g.FnirCi.High <= 1);
            Assert.True(g.FnirCi.High > g.FnirCi.Low, "resampling two or more identities must vary");
        }
    }

    [Fact]
    public void Interval_of_known_samples_uses_the_2_5_and_97_5_percentiles()
    {
        var samples = Enumerable.Range(0, 1001).Select(i => i / 1000.0).Reverse().ToArray();
        var ci = GroupDifferentials.Interval(samples);
        Assert.Equal(0.025, ci.Low, 12);
        Assert.Equal(0.975, ci.High, 12);
    }

    [Theory]
    [InlineData(new[] { 0.002, 0.001 }, 2.0)]
    [InlineData(new[] { 0.0, 0.0 }, 1.0)]
    [InlineData(new[] { 0.0, 0.01 }, double.PositiveInfinity)]
    public void Worst_over_best(double[] rates, double expected)
    {
        Assert.Equal(expected, GroupDifferentials.WorstOverBest(rates), 12);
    }
}
