using System.Globalization;
using System.Text;

namespace OpenLfr.Core.Evaluation.Report;

/// <summary><c>curve.csv</c>: the DET curve, one row per distinct non-mated score (threshold, fpir, fnir).</summary>
public static class CurveCsv
{
    public static string Render(EvaluationResult result)
    {
        var csv = new StringBuilder("threshold,fpir,fnir\n");
        foreach (var p in result.Curve)
            csv.Append(CultureInfo.InvariantCulture, $"{p.Threshold:R},{p.Fpir:R},{p.Fnir:R}\n");
        return csv.ToString();
    }
}
