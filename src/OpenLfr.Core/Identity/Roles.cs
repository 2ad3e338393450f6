namespace OpenLfr.Core.Identity;

/// <summary>The closed set of roles; every endpoint is authorised by one or more of them.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    /// <summary>Superintendent or above: approves a deployment and its watchlist criteria.</summary>
    public const string AuthorisingOfficer = "AuthorisingOfficer";
    public const string WatchlistManager = "WatchlistManager";
    /// <summary>Reviews alerts and adjudicates them.</summary>
    public const string Operator = "Operator";
    /// <summary>Reads the audit log and deletion records; changes nothing.</summary>
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Administrator, AuthorisingOfficer, WatchlistManager, Operator, Auditor];
}
