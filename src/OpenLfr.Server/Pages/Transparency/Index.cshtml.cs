using Microsoft.AspNetCore.Authorization;
using OpenLfr.Server.OperatorConsole;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Pages.Transparency;

/// <summary>The public page: no sign-in, no personal data, only published figures.</summary>
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
