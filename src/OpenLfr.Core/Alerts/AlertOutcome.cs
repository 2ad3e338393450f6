namespace OpenLfr.Core.Alerts;

/// <summary>What an engagement found.</summary>
public enum AlertOutcome
{
    ConfirmedSubject,
    NotTheSubject,
    NotLocated,
}
