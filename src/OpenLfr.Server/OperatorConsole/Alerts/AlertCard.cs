using System.Globalization;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Server.OperatorConsole.Alerts;

/// <summary>
/// An alert as the console shows it: always a "possible match", with the score explained in words.
/// Carries URLs to the images, never the images, so every image view goes through an audited request.
/// The urgency travels as its name, its colour word and its label, so the queue never shows colour alone.
/// </summary>
/// <param name="Urgency">The urgency's name (null for alerts raised before urgency triage).</param>
/// <param name="UrgencyRank">Queue order: 0 is most urgent (see <see cref="SubjectUrgencies.Rank"/>).</param>
public sealed record AlertCard(
    Guid Id, string Label, Guid DeploymentId, string CameraName, string SubjectName, string SubjectReference,
    string Category, string CategoryText, string? Urgency, string UrgencyLabel, string UrgencyColour, string UrgencyAction, int UrgencyRank,
    double Score, double Threshold, string ScoreMeaning, string Strength,
    DateTime FrameTimeUtc, DateTime RaisedAtUtc, string Decision, string? AdjudicatedBy, string? Outcome, bool? Arrested,
    string ProbeUrl, string WatchlistImageUrl, string FrameUrl, bool IsEvidence)
{
    public static AlertCard From(AlertSummary a, string cameraName) => new(
        a.Id, a.Label, a.DeploymentId, cameraName, a.SubjectName, a.SubjectReference,
        a.SubjectCategory.ToString(), Describe(a.SubjectCategory),
        a.Urgency?.ToString(), SubjectUrgencies.Label(a.Urgency), SubjectUrgencies.Colour(a.Urgency), SubjectUrgencies.ExpectedAction(a.Urgency), SubjectUrgencies.Rank(a.Urgency),
        Math.Round(a.Score, 4), Math.Round(a.Threshold, 4),
        Meaning(a.Score, a.Threshold), StrengthOf(a.Score, a.Threshold),
        a.FrameTimeUtc, a.RaisedAtUtc, a.Decision.ToString(), a.AdjudicatedBy, a.Outcome?.ToString(), a.Arrested,
        $"/console/alerts/{a.Id}/probe.jpg", $"/console/watchlist-images/{a.SubjectImageId}.jpg", $"/console/alerts/{a.Id}/frame.jpg", a.IsEvidence);

    /// <summary>
    /// "weak", "clear" or "strong": how far the score is above the deployment's threshold, as a share of the room
    /// left above it (1 - threshold), because embedders score on their own scales: for one whose calibrated
    /// threshold is 0.95, a score of 0.96 is already a fifth of the way to a perfect match.
    /// </summary>
    public static string StrengthOf(double score, double threshold) => ((score - threshold) / Math.Max(1e-6, 1 - threshold)) switch
    {
        < 0.15 => "weak",
        < 0.4 => "clear",
        _ => "strong",
    };

    /// <summary>What the score means, in words an officer can act on; never a claim of identity.</summary>
    public static string Meaning(double score, double threshold)
    {
        // Four decimals: on a scale where the threshold is 0.9537, "0.95" would hide the difference that matters.
        var s = score.ToString("0.0000", CultureInfo.InvariantCulture);
        var t = threshold.ToString("0.0000", CultureInfo.InvariantCulture);
        return StrengthOf(score, threshold) switch
        {
            "weak" => $"Similarity {s} is just above this deployment's alert threshold of {t}: a weak possible match. Compare the faces closely; many alerts this close are not the person.",
            "clear" => $"Similarity {s} is clearly above the alert threshold of {t}: a possible match. The software can be wrong; compare the faces before deciding.",
            _ => $"Similarity {s} is well above the alert threshold of {t}: a strong possible match, but still not an identification. Compare the faces before deciding.",
        };
    }

    /// <summary>
    /// The queue's order: pending alerts first, most urgent first, newest first within an urgency (the person seen last
    /// is the one most likely still there); then decided ones, newest first. console.js keeps the same order live.
    /// </summary>
    public static IReadOnlyList<AlertCard> QueueOrder(IEnumerable<AlertCard> cards) =>
        cards.OrderBy(c => c.Decision == nameof(AlertDecision.Pending) ? 0 : 1)
            .ThenBy(c => c.Decision == nameof(AlertDecision.Pending) ? c.UrgencyRank : 0)
            .ThenByDescending(c => c.RaisedAtUtc).ThenBy(c => c.Id).ToList();

    public static string Describe(SubjectCategory c) => c switch
    {
        SubjectCategory.WantedByCourts => "Wanted by the courts",
        SubjectCategory.SuspectedOfOffence => "Suspected of an offence",
        SubjectCategory.BailOrCourtConditions => "Bail or court conditions",
        SubjectCategory.MissingPersonAtRisk => "Missing person at risk of harm",
        SubjectCategory.RiskOfHarm => "At risk of harm to self or others",
        SubjectCategory.AssociateWitnessOrVictim => "Associate, witness or victim",
        _ => c.ToString(),
    };
}
