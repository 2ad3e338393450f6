using OpenLfr.Server.OperatorConsole.Alerts;

namespace OpenLfr.Server.Tests.OperatorConsole;

public sealed class AlertCardTests
{
    [Theory]
    [InlineData(0.61, 0.60, "weak")]
    [InlineData(0.70, 0.60, "clear")]
    [InlineData(0.90, 0.60, "strong")]
    // An embedder whose calibrated threshold sits near 1 (face-api at 0.9537): the same shares of the room above it.
    [InlineData(0.9600, 0.9537, "weak")]
    [InlineData(0.9621, 0.9537, "clear")]
    [InlineData(0.9950, 0.9537, "strong")]
    public void Strength_grows_with_the_margin_above_the_threshold(double score, double threshold, string expected) =>
        Assert.Equal(expected, AlertCard.StrengthOf(score, threshold));

    [Theory]
    [InlineData(0.61)]
    [InlineData(0.70)]
    [InlineData(0.99)]
    public void Meaning_says_possible_match_and_never_identified(double score)
    {
        var text = AlertCard.Meaning(score, 0.6);
        Assert.Contains("possible match", text);
        Assert.DoesNotContain("identified", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("0.60", text);
    }
}
