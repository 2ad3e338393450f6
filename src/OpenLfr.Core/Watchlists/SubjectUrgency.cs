namespace OpenLfr.Core.Watchlists;

/// <summary>
/// How urgently a possible match of a subject must be dealt with, set when the subject is added and copied onto
/// each alert. The closed list South Wales Police used to triage alerts: red (immediate), amber (arrest), green
/// (intelligence only). <see cref="SubjectUrgencies"/> gives each its label, colour and what an officer is expected to do.
/// </summary>
public enum SubjectUrgency
{
    /// <summary>Red: act at once (a risk of harm to the person or to others).</summary>
    Immediate,
    /// <summary>Amber: engage and, if the operator and officers confirm it is the person, arrest.</summary>
    Arrest,
    /// <summary>Green: do not engage; record the sighting for intelligence.</summary>
    IntelligenceOnly,
}
