using System.Globalization;
using System.Text.Json;
using OpenLfr.Core.Evaluation.Demographics;
using OpenLfr.Core.Evaluation.GallerySize;

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
            if (r.BySize is { } bySize) BySize(w, bySize);
            w.WriteNumber("seconds", Math.Round(r.Seconds, 1));
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// <c>thresholds_by_gallery_size</c>: per watchlist size, the threshold at each target FPIR (measured up to the
    /// gallery, extrapolated beyond it) and the independence model's threshold next to it as a check.
    /// </summary>
    private static void BySize(Utf8JsonWriter w, GallerySizeThresholds t)
    {
        w.WriteStartObject("thresholds_by_gallery_size");
        w.WriteString("method", "measured sizes: exact mean over all sub-galleries of the size (hypergeometric); larger sizes: "
                                + "1-(1-FMR(T))^N from the per-comparison false match rate, assuming independent comparisons");
        w.WriteNumber("gallery", t.FullSize);
        w.WriteNumber("nonmated_searches", t.NonMatedSearches);
        w.WriteNumber("nonmated_comparisons", t.Comparisons);
        var (largest, neverLower, compared) = t.ModelAgreement;
        w.WriteStartObject("model_agreement");
        Number(w, "largest_threshold_difference", largest);
        w.WriteBoolean("model_never_lower", neverLower);
        w.WriteNumber("points_compared", compared);
        w.WriteEndObject();
        w.WriteStartArray("sizes");
        foreach (var size in t.Sizes)
        {
            var points = t.Points.Where(p => p.GallerySize == size).ToList();
            w.WriteStartObject();
            w.WriteNumber("gallery_size", size);
            w.WriteBoolean("extrapolated", points[0].Extrapolated);
            w.WriteStartObject("at_fpir");
            foreach (var p in points)
            {
                w.WriteStartObject(p.TargetFpir.ToString(CultureInfo.InvariantCulture));
                Number(w, "threshold", p.Threshold);
                Number(w, "fpir", p.Fpir);
                Number(w, "fnir", p.Fnir);
                w.WriteBoolean("resolved", p.Resolved);
                Number(w, "model_threshold", p.ModelThreshold);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
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
