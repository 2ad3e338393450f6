using Microsoft.AspNetCore.Authorization;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Transparency;

/// <summary>
/// The public page: no sign-in, no personal data, only published figures. Views are deliberately not audited: the
/// figures are published to everyone, an anonymous view has no "who", and auditing it would let anyone grow the
/// audit chain at will. (A signed-in user's CSV/JSON download is audited as an export: ConsoleEndpoints.)
/// </summary>
[AllowAnonymous]
public sealed class TransparencyModel(TransparencyQueries queries, EvaluationReportReader evaluation) : ConsolePageModel
{
    public IReadOnlyList<TransparencyRow> Rows { get; private set; } = [];
    public EvaluationSummary? Evaluation { get; private set; }
    public string? EvaluationProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.RowsAsync(ct);
        Evaluation = evaluation.Read(out var problem);
        EvaluationProblem = problem;
    }
}
