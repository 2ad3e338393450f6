using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Audit;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Audit;

/// <summary>For auditors: the hash-chained log with filters, and whether the chain is intact.</summary>
[Authorize(Policy = ConsolePolicies.Audit)]
public sealed class AuditModel(AuditQueries queries) : ConsolePageModel
{
    [BindProperty(SupportsGet = true)] public AuditFilter Filter { get; set; } = new();
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public string OlderUrl => QueryString.Create(new Dictionary<string, string?>
    {
        ["Action"] = Filter.Action, ["Actor"] = Filter.Actor, ["EntityType"] = Filter.EntityType, ["EntityId"] = Filter.EntityId,
        ["From"] = Filter.From?.ToString("yyyy-MM-dd"), ["To"] = Filter.To?.ToString("yyyy-MM-dd"), ["Before"] = Entries.LastOrDefault()?.Sequence.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Verify first, so the check covers the chain as it was before this view was recorded.
        Verification = await queries.VerifyAsync(ct);
        EntityTypes = await queries.EntityTypesAsync(ct);
        Entries = await queries.SearchAsync(Actor, Filter, ct);
    }
}
