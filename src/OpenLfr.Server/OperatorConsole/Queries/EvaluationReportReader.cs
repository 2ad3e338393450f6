using System.Text.Json;

namespace OpenLfr.Server.OperatorConsole.Queries;

/// <summary>
/// Reads the JSON summary that `lfr evaluate --json FILE` writes. The file is looked for at
/// <c>Transparency:EvaluationReport</c> (configuration), then <c>$OPENLFR_DATA/evaluation.json</c>, then
/// <c>docs/evaluation.json</c>. Absent means "not yet measured"; an unreadable file is reported as such,
/// never shown as figures.
/// </summary>
public sealed class EvaluationReportReader(IConfiguration configuration, IHostEnvironment environment)
{
    public const string ConfigurationKey = "Transparency:EvaluationReport";

    public IEnumerable<string> Candidates()
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured) yield return Path.GetFullPath(configured, environment.ContentRootPath);
        var data = configuration["OPENLFR_DATA"] ?? configuration["DataDirectory"] ?? ".data";
        yield return Path.GetFullPath(Path.Combine(data, "evaluation.json"), environment.ContentRootPath);
        yield return Path.GetFullPath(Path.Combine("docs", "evaluation.json"), environment.ContentRootPath);
    }

    /// <returns>The summary, or null with <paramref name="problem"/> saying why (null problem: simply not measured yet).</returns>
    public EvaluationSummary? Read(out string? problem)
    {
        problem = null;
        var path = Candidates().FirstOrDefault(File.Exists);
        if (path is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var r = doc.RootElement;
            var points = new List<EvaluationPoint>();
            if (r.TryGetProperty("fnir_at_fpir", out var fa) && fa.ValueKind == JsonValueKind.Object)
                foreach (var p in fa.EnumerateObject())
                    points.Add(new EvaluationPoint(p.Name, Num(p.Value, "threshold"), Num(p.Value, "fnir"), Num(p.Value, "fpir"),
                        p.Value.TryGetProperty("resolved", out var res) && res.ValueKind == JsonValueKind.True));
            var groups = new List<EvaluationGroup>();
            if (r.TryGetProperty("groups", out var gs) && gs.ValueKind == JsonValueKind.Object)
                foreach (var g in gs.EnumerateObject())
                    groups.Add(new EvaluationGroup(g.Name, Num(g.Value, "fpir"), Num(g.Value, "fnir"), Int(g.Value, "n_mated"), Int(g.Value, "n_nonmated")));
            double? fpirRatio = null, fnirRatio = null;
            if (r.TryGetProperty("group_ratio", out var ratio) && ratio.ValueKind == JsonValueKind.Object)
            {
                fpirRatio = Num(ratio, "fpir");
                fnirRatio = Num(ratio, "fnir");
            }
            return new EvaluationSummary(path, File.GetLastWriteTimeUtc(path), Str(r, "dataset"), Str(r, "model"), Int(r, "gallery"), Int(r, "mated"), Int(r, "nonmated"),
                Num(r, "rank1"), points, Num(r, "operating_fpir"), Num(r, "operating_threshold"), groups, fpirRatio, fnirRatio, BySize(r));
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            problem = $"The evaluation report {path} could not be read ({e.Message}); run `lfr evaluate --json {path}` again.";
            return null;
        }
    }

    /// <summary>The FPIR 1-in-1,000 row of each watchlist size in `thresholds_by_gallery_size` (empty if the report predates it).</summary>
    private static List<WatchlistSizePoint> BySize(JsonElement r)
    {
        var points = new List<WatchlistSizePoint>();
        if (!r.TryGetProperty("thresholds_by_gallery_size", out var t) || t.ValueKind != JsonValueKind.Object
            || !t.TryGetProperty("sizes", out var sizes) || sizes.ValueKind != JsonValueKind.Array) return points;
        foreach (var size in sizes.EnumerateArray())
        {
            if (!size.TryGetProperty("at_fpir", out var at) || at.ValueKind != JsonValueKind.Object || !at.TryGetProperty("0.001", out var p)) continue;
            var resolved = p.TryGetProperty("resolved", out var res) && res.ValueKind == JsonValueKind.True;
            var extrapolated = size.TryGetProperty("extrapolated", out var x) && x.ValueKind == JsonValueKind.True;
            points.Add(new WatchlistSizePoint(Int(size, "gallery_size"), extrapolated, resolved ? Num(p, "threshold") : null, resolved ? Num(p, "fnir") : null));
        }
        return points;
    }

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
