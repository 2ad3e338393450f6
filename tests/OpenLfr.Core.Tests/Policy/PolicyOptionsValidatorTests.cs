using Microsoft.Extensions.Options;
using OpenLfr.Core.Policy;
using OpenLfr.Core.Recognition;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Tests.Policy;

public sealed class PolicyOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.True(new PolicyOptionsValidator().Validate(null, new PolicyOptions()).Succeeded);

    [Fact]
    public void Keeping_watchlists_over_24_hours_or_alerts_over_31_days_is_refused()
    {
        var result = new PolicyOptionsValidator().Validate(null, new PolicyOptions { WatchlistDestroyAfterEnd = TimeSpan.FromHours(25), AlertRetention = TimeSpan.FromDays(32) });
        Assert.True(result.Failed);
        Assert.Contains("WatchlistDestroyAfterEnd", result.FailureMessage);
        Assert.Contains("AlertRetention", result.FailureMessage);
    }

    [Theory]
    [InlineData(0.00001)] // stricter than any calibrated point: no threshold would be known to meet it
    [InlineData(0.05)]
    [InlineData(double.NaN)]
    public void A_false_alert_rate_outside_the_calibrated_range_is_refused(double rate)
    {
        var result = new PolicyOptionsValidator().Validate(null, new PolicyOptions { MaximumFalseAlertRate = rate });
        Assert.True(result.Failed);
        Assert.Contains("Policy:MaximumFalseAlertRate must be 0.0001..0.01", result.FailureMessage);
    }
}

public sealed class ThresholdPolicyTests
{
    private static ThresholdPolicy For(string embedder, double rate) =>
        new(Options.Create(new PolicyOptions { MaximumFalseAlertRate = rate }), Options.Create(new RecognitionOptions { Embedder = embedder }));

    // Calibration points by their FPIR "1 in N", so the test follows a recalibration of the embedder.
    [Theory]
    [InlineData(0.01, 100, 1000)] // a laxer policy: the minimum drops, the default stays at 1 in 1,000
    [InlineData(0.001, 1000, 1000)]
    [InlineData(0.0005, 10000, 10000)] // between calibrated points: the stricter point, and the default rises to it
    [InlineData(0.0001, 10000, 10000)]
    public void The_minimum_and_default_come_from_the_embedders_calibration(double rate, int minimumAt, int defaultAt)
    {
        var c = EmbedderSpec.FaceApi.Calibration;
        double At(int oneIn) => (double)(decimal)c.ThresholdFor(1.0 / oneIn, c.GallerySize);
        var policy = For("faceapi", rate);
        Assert.Equal((At(minimumAt), At(defaultAt)), (policy.Minimum, policy.Default));
    }

    [Fact]
    public void A_larger_watchlist_raises_the_minimum_and_a_deployment_never_runs_below_it()
    {
        var policy = For("faceapi", 0.001);
        var c = EmbedderSpec.FaceApi.Calibration;
        Assert.True(policy.MinimumFor(20) < policy.MinimumFor(1680));
        Assert.True(policy.MinimumFor(1680) < policy.MinimumFor(5000));
        Assert.Equal((double)(decimal)c.ThresholdFor(0.001, 20), policy.MinimumFor(20));
        Assert.Equal(policy.MinimumFor(1), policy.MinimumFor(0)); // an empty watchlist counts as one template

        // Authorised for 20 at its minimum, the watchlist grew to 5,000: the cameras apply the minimum for 5,000.
        var authorised = policy.MinimumFor(20);
        Assert.Equal(policy.MinimumFor(5000), policy.AppliedThreshold("faceapi", authorised, 5000));
        Assert.Equal(authorised, policy.AppliedThreshold("faceapi", authorised, 20));
        Assert.Equal(0.99, policy.AppliedThreshold("", 0.99, 5000)); // a stricter threshold is kept
        Assert.Equal(OpenLfr.Core.Live.LiveDefaults.AlertThreshold("faceapi", policy.MinimumFor(5000)), policy.AlertThreshold("faceapi", authorised, 5000));

        // The default stays the figure for the evaluation's watchlist (conservative below it) and rises above it.
        Assert.Equal(policy.Default, policy.DefaultFor(20));
        Assert.Equal(policy.MinimumFor(5000), policy.DefaultFor(5000));

        // 1 in 1,000 is not resolved beyond 10,000 templates: no threshold rather than a guess.
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.MinimumFor(50_000));
        Assert.StartsWith($"{(decimal)c.ThresholdFor(0.001, 20)}: about 1 false alert in 1,000 faces searched with a watchlist of 20 templates",
            policy.Describe(policy.MinimumFor(20), 20));
        Assert.StartsWith($"{(decimal)c.ThresholdFor(0.001, 20)}: more than 1 false alert in 100 faces searched with a watchlist of 5,000 templates",
            policy.Describe(policy.MinimumFor(20), 5000));
    }

    [Fact]
    public void Duplicates_are_flagged_on_the_embedders_scale_unless_the_policy_sets_a_similarity()
    {
        Assert.Equal((double)(decimal)EmbedderSpec.MobileFace.Calibration.AtFpir1In100, For("mobileface", 0.001).DuplicateSimilarity);
        Assert.Equal((double)(decimal)EmbedderSpec.FaceApi.Calibration.AtFpir1In100, For("faceapi", 0.001).DuplicateSimilarity);
        var set = new ThresholdPolicy(Options.Create(new PolicyOptions { DuplicateSimilarity = 0.8 }), Options.Create(new RecognitionOptions()));
        Assert.Equal(0.8, set.DuplicateSimilarity);
    }

    [Fact]
    public void Thresholds_are_put_into_words_with_their_expected_false_alert_rate()
    {
        var c = EmbedderSpec.MobileFace.Calibration;
        Assert.Equal($"{(decimal)c.AtFpir1In1000}: about 1 false alert in 1,000 faces searched with a watchlist of {c.GallerySize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} templates (embedder mobileface, measured on {c.Source})",
            ThresholdMeaning.Describe(EmbedderSpec.MobileFace, (double)(decimal)c.AtFpir1In1000));
        Assert.StartsWith("0.5: more than 1 false alert in 100 faces searched", ThresholdMeaning.Describe("mobileface", 0.5));
        Assert.StartsWith("0.99: about 1 false alert in 10,000 faces searched", ThresholdMeaning.Describe("mobileface", 0.99));
        Assert.Equal("0.7: embedder not recorded, so its false alert rate is unknown", ThresholdMeaning.Describe("", 0.7));
    }

    [Fact]
    public void An_unknown_embedder_is_refused_naming_the_known_ones()
    {
        var result = new RecognitionOptionsValidator().Validate(null, new RecognitionOptions { Embedder = "arcface" });
        Assert.True(result.Failed);
        Assert.Contains("'arcface' is not a known embedder; use one of: mobilefacenet, mobileface, faceres, faceres-deep, faceapi", result.FailureMessage);
        Assert.True(new RecognitionOptionsValidator().Validate(null, new RecognitionOptions()).Succeeded);
    }
}
