namespace OpenLfr.Core.Alerts;

/// <summary>The operator's decision on a possible match.</summary>
public enum AlertDecision
{
    Pending,
    /// <summary>The operator judged the faces not to match; nobody is approached.</summary>
    NoMatch,
    /// <summary>Officers are sent to speak to the person.</summary>
    Engage,
}
