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
        double At(int oneIn) => (double)(decimal)(oneIn switch { 100 => c.AtFpir1In100, 1000 => c.AtFpir1In1000, _ => c.AtFpir1In10000 });
        var policy = For("faceapi", rate);
        Assert.Equal((At(minimumAt), At(defaultAt)), (policy.Minimum, policy.Default));
    }

    [Fact]
    public void Thresholds_are_put_into_words_with_their_expected_false_alert_rate()
    {
        var c = EmbedderSpec.MobileFace.Calibration;
        Assert.Equal($"{(decimal)c.AtFpir1In1000}: about 1 false alert in 1,000 faces searched (embedder mobileface, measured on {c.Source})",
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
