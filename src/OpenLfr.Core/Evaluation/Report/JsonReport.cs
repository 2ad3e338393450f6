using System.Globalization;
using System.Text.Json;
using OpenLfr.Core.Evaluation.Demographics;

namespace OpenLfr.Core.Evaluation.Report;

/// <summary>
/// The machine-readable summary (<c>--json</c>), in the schema of issue 5. Non-finite numbers (an infinite ratio,
/// a rate with nothing to count) are written as null.
/// </summary>
public static class JsonReport
{
    public static string Render(EvaluationResult r)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("dataset", r.Dataset);
            w.WriteString("model", r.Model);
            if (r.LimitIdentities is { } limit) w.WriteNumber("limit_identities", limit);
            else w.WriteNull("limit_identities");
            w.WriteNumber("gallery", r.Gallery);
            w.WriteNumber("mated", r.Mated);
            w.WriteNumber("nonmated", r.NonMated);
            w.WriteNumber("ftd_gallery", r.FtdGallery);
            w.WriteNumber("ftd_probes", r.FtdProbes);
            Number(w, "rank1", r.RankOne);
            w.WriteStartObject("fnir_at_fpir");
            foreach (var p in r.OperatingPoints)
            {
                w.WriteStartObject(p.TargetFpir.ToString(CultureInfo.InvariantCulture));
                Number(w, "threshold", p.Threshold);
                Number(w, "fnir", p.Fnir);
                Number(w, "fpir", p.Fpir);
                w.WriteBoolean("resolved", p.Resolved);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            Number(w, "operating_fpir", r.OperatingFpir);
            Number(w, "operating_threshold", r.Operating.Threshold);
            w.WriteStartObject("groups");
            foreach (var g in r.Groups?.Groups ?? [])
            {
                w.WriteStartObject(g.Group);
                Number(w, "fpir", g.Fpir);
                Interval(w, "fpir_ci", g.FpirCi);
                Number(w, "fnir", g.Fnir);
                Interval(w, "fnir_ci", g.FnirCi);
                w.WriteNumber("n_mated", g.MatedCount);
                w.WriteNumber("n_nonmated", g.NonMatedCount);
                w.WriteNumber("n_identities", g.Identities);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            if (r.Groups?.Ratio is { } ratio)
            {
                w.WriteStartObject("group_ratio");
                Number(w, "fpir", ratio.Fpir);
                Interval(w, "fpir_ci", ratio.FpirCi);
                Number(w, "fnir", ratio.Fnir);
                Interval(w, "fnir_ci", ratio.FnirCi);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("group_ratio");
            }
            w.WriteNumber("unlabelled_searches", r.Groups?.UnlabelledSearches ?? 0);
            w.WriteNumber("conflicting_labels", r.ConflictingLabels);
            w.WriteNumber("seconds", Math.Round(r.Seconds, 1));
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static void Interval(Utf8JsonWriter w, string name, ConfidenceInterval ci)
    {
        w.WriteStartArray(name);
        foreach (var v in new[] { ci.Low, ci.High })
        {
            if (double.IsFinite(v)) w.WriteNumberValue(v);
            else w.WriteNullValue();
        }
        w.WriteEndArray();
    }
}
