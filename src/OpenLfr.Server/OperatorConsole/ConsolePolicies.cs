using Microsoft.AspNetCore.Authorization;
using OpenLfr.Core.Identity;

namespace OpenLfr.Server.OperatorConsole;

/// <summary>
/// Who may do what in the web pages. The domain enforces its own rules too (e.g. a creator cannot
/// authorise their own deployment); these policies decide which pages and buttons a role gets.
/// </summary>
public static class ConsolePolicies
{
    /// <summary>See the alert queue, camera tiles and live views (Auditors read only).</summary>
    public const string ViewAlerts = "console.view-alerts";
    /// <summary>See the probe crops, blurred frames and watchlist images (not Auditors: they audit, they do not watch).</summary>
    public const string ViewAlertImages = "console.view-alert-images";
    /// <summary>Adjudicate alerts and record outcomes.</summary>
    public const string Adjudicate = "console.adjudicate";
    /// <summary>Keep an alert beyond the retention period as evidence, with a reason (as the REST API allows).</summary>
    public const string MarkEvidence = "console.mark-evidence";
    /// <summary>Create and edit draft deployments.</summary>
    public const string PlanDeployments = "console.plan-deployments";
    /// <summary>Activate and end deployments (on the ground).</summary>
    public const string RunDeployments = "console.run-deployments";
    public const string Authorise = "console.authorise";
    public const string Review = "console.review";
    public const string ViewWatchlists = "console.view-watchlists";
    public const string ManageWatchlists = "console.manage-watchlists";
    public const string ManageCameras = "console.manage-cameras";
    public const string Audit = "console.audit";
    /// <summary>Any signed-in user: deployment records are read by every role.</summary>
    public const string SignedIn = "console.signed-in";

    /// <summary>Role sets, matching the REST API's rules for the same actions.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [ViewAlerts] = [Roles.Operator, Roles.AuthorisingOfficer, Roles.Auditor],
        [ViewAlertImages] = [Roles.Operator, Roles.AuthorisingOfficer],
        [Adjudicate] = [Roles.Operator],
        [MarkEvidence] = [Roles.Operator, Roles.AuthorisingOfficer],
        [PlanDeployments] = [Roles.WatchlistManager, Roles.AuthorisingOfficer],
        [RunDeployments] = [Roles.Operator, Roles.AuthorisingOfficer],
        [Authorise] = [Roles.AuthorisingOfficer],
        [Review] = [Roles.AuthorisingOfficer],
        [ViewWatchlists] = [Roles.WatchlistManager, Roles.AuthorisingOfficer, Roles.Auditor],
        [ManageWatchlists] = [Roles.WatchlistManager],
        [ManageCameras] = [Roles.Administrator],
        [Audit] = [Roles.Auditor],
    };

    public static void Add(AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in RolesByPolicy)
            builder.AddPolicy(policy, p => p.RequireRole(roles));
        builder.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
    }

    /// <summary>Whether <paramref name="user"/> passes <paramref name="policy"/> (for showing or hiding a button).</summary>
    public static bool Allows(this System.Security.Claims.ClaimsPrincipal user, string policy) =>
        policy == SignedIn ? user.Identity?.IsAuthenticated == true : RolesByPolicy[policy].Any(user.IsInRole);
}
