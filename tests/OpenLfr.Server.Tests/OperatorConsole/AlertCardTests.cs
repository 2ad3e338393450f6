using OpenLfr.Core.Alerts;
using OpenLfr.Core.Watchlists;
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

    [Fact]
    public void Queue_puts_pending_alerts_by_urgency_then_newest_and_an_unrecorded_urgency_above_green()
    {
        var t0 = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        AlertCard Card(string name, SubjectUrgency? urgency, int second, AlertDecision decision = AlertDecision.Pending) => AlertCard.From(new AlertSummary(
            Guid.NewGuid(), Guid.Empty, Guid.Empty, "t", Guid.Empty, name, name, SubjectCategory.WantedByCourts, urgency, Guid.Empty, 0.99, 0.95,
            t0.AddSeconds(second), t0.AddSeconds(second), decision, null, null, null, null, null, false, null), "cam");
        var cards = new[]
        {
            Card("green-old", SubjectUrgency.IntelligenceOnly, 0), Card("decided-red", SubjectUrgency.Immediate, 9, AlertDecision.NoMatch),
            Card("amber", SubjectUrgency.Arrest, 1), Card("unrecorded", null, 2), Card("red", SubjectUrgency.Immediate, 3), Card("green-new", SubjectUrgency.IntelligenceOnly, 4),
        };
        Assert.Equal(["red", "amber", "unrecorded", "green-new", "green-old", "decided-red"], AlertCard.QueueOrder(cards).Select(c => c.SubjectName).ToArray());
        var red = cards.Single(c => c.SubjectName == "red");
        Assert.Equal(("Red: immediate", "red"), (red.UrgencyLabel, red.UrgencyColour));
        Assert.Equal("Urgency not recorded", cards.Single(c => c.SubjectName == "unrecorded").UrgencyLabel);
    }
}
