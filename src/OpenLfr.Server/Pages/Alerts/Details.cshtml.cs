using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Policy;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Alerts;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Alerts;

/// <summary>
/// One alert in full: the faces, the score and what it means, the decision and outcome, and whether it is kept
/// as evidence. Keeping it as evidence (with a reason) exempts it from the retention rule; the Core audits it.
/// </summary>
[Authorize(Policy = ConsolePolicies.ViewAlerts)]
public sealed class AlertDetailsModel(AlertService alerts, ConsoleQueries queries, HubAlertNotifier notifier, IOptions<PolicyOptions> policy) : ConsolePageModel
{
    public AlertCard? Alert { get; private set; }
    public AlertSummary? Summary { get; private set; }
    public (string? By, DateTime? AtUtc)? EvidenceMark { get; private set; }
    public double RetentionDays => policy.Value.AlertRetention.TotalDays;
    public bool CanMarkEvidence => User.Allows(ConsolePolicies.MarkEvidence);

    /// <summary>The decision and outcome in words.</summary>
    public string DecisionText => Summary!.Decision switch
    {
        AlertDecision.Pending => "Awaiting an operator's decision (decide on the console)",
        AlertDecision.NoMatch => $"Judged no match by {Summary.AdjudicatedBy}",
        _ => $"Engage: officers sent ({Summary.AdjudicatedBy})" + Summary.Outcome switch
        {
            null => "",
            AlertOutcome.ConfirmedSubject => ". Outcome: confirmed, the person sought" + (Summary.Arrested == true ? ", arrested" : ""),
            AlertOutcome.NotTheSubject => ". Outcome: not the person sought",
            _ => ". Outcome: not located",
        },
    };

    /// <summary>"by NAME, TIME UTC" for an alert kept as evidence.</summary>
    public string EvidenceMarkText => EvidenceMark is { } m
        ? $"by {m.By}, {m.AtUtc?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC"
        : "";

    /// <summary>The reason typed, kept when the form is refused.</summary>
    [BindProperty] public string? Reason { get; set; }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken ct)
    {
        if (!CanMarkEvidence) return Forbid();
        AlertSummary? marked = null;
        if (await TryAsync(async () => marked = await alerts.MarkEvidenceAsync(Actor, id, new EvidenceRequest(Reason), ct)))
        {
            await notifier.NotifyUpdatedAsync(marked!, ct);
            TempData["Message"] = "Kept as evidence: this alert and its images are exempt from the retention rule.";
            return Redirect($"/console/alerts/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Summary = await alerts.GetAsync(Actor, id, ct);
        var cameras = await queries.CameraNamesAsync(ct);
        Alert = AlertCard.From(Summary, cameras.GetValueOrDefault(Summary.CameraId, Summary.CameraId.ToString()));
        EvidenceMark = await queries.EvidenceMarkAsync(id, ct);
    }
}
