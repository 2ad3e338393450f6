namespace OpenLfr.Core.Watchlists;

/// <summary>
/// The plain-language meaning of each <see cref="SubjectUrgency"/>: what the console and the API show beside the colour
/// (never the colour alone), and the order the alert queue uses.
/// </summary>
public static class SubjectUrgencies
{
    /// <summary>"Red: immediate", "Amber: arrest", "Green: intelligence only"; "Not recorded" for a missing urgency.</summary>
    public static string Label(SubjectUrgency? urgency) => urgency switch
    {
        SubjectUrgency.Immediate => "Red: immediate",
        SubjectUrgency.Arrest => "Amber: arrest",
        SubjectUrgency.IntelligenceOnly => "Green: intelligence only",
        _ => "Urgency not recorded",
    };

    /// <summary>The colour word of the triage scheme (red, amber, green; grey when not recorded).</summary>
    public static string Colour(SubjectUrgency? urgency) => urgency switch
    {
        SubjectUrgency.Immediate => "red",
        SubjectUrgency.Arrest => "amber",
        SubjectUrgency.IntelligenceOnly => "green",
        _ => "grey",
    };

    /// <summary>What an officer is expected to do once the operator judges the possible match to be the person.</summary>
    public static string ExpectedAction(SubjectUrgency? urgency) => urgency switch
    {
        SubjectUrgency.Immediate => "Act now: there is a risk of harm to the person or to others. Send officers at once.",
        SubjectUrgency.Arrest => "Engage: officers speak to the person and arrest if they confirm it is the person sought.",
        SubjectUrgency.IntelligenceOnly => "Do not engage: record the sighting (time, place, who they are with) for intelligence only.",
        _ => "No urgency was recorded for this subject (added before urgency triage): check the watchlist entry before acting.",
    };

    /// <summary>
    /// Queue order, most urgent first. An alert without a recorded urgency (raised before triage existed) sorts after
    /// arrest and before intelligence-only ones: it may be urgent, so it must not sink below the green ones.
    /// </summary>
    public static int Rank(SubjectUrgency? urgency) => urgency switch
    {
        SubjectUrgency.Immediate => 0,
        SubjectUrgency.Arrest => 1,
        null => 2,
        SubjectUrgency.IntelligenceOnly => 3,
        _ => 2,
    };

    /// <summary>The names accepted by the API, for error messages.</summary>
    public static string Names => string.Join(", ", Enum.GetNames<SubjectUrgency>());
}
