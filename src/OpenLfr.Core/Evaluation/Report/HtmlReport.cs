using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OpenLfr.Core.Evaluation.Demographics;
using OpenLfr.Core.Evaluation.GallerySize;
using OpenLfr.Core.Evaluation.Metrics;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Evaluation.Report;

/// <summary>
/// <c>report.html</c>: one self-contained page (Chart.js inlined, no network) that a reader without tools can follow:
/// the headline figures, the DET curve, score distributions per group, the threshold table and the group table.
/// Only aggregates are shown: no per-image scores, names or embeddings.
/// </summary>
public static class HtmlReport
{
    private const string ChartResource = "OpenLfr.Core.Evaluation.Report.chart.umd.min.js";

    /// <summary>FPIRs listed in the threshold table.</summary>
    public static readonly double[] TableFpirs = [0.1, 0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001];

    /// <summary>True when the charting library was embedded at build time (scripts/setup installs it).</summary>
    public static bool ChartLibraryAvailable => typeof(HtmlReport).Assembly.GetManifestResourceInfo(ChartResource) is not null;

    public static string Render(EvaluationResult r)
    {
        var metrics = new IdentificationMetrics(r.Outcomes);
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>OpenLFR accuracy report: {{E(r.Model)}}</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .7em;text-align:right}
            th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}.note{color:#555;font-size:.92em}
            .charts{display:flex;flex-wrap:wrap;gap:1.5em}.chart{width:520px;height:340px}.bad{color:#a00;font-weight:600}
            </style></head><body>
            <h1>Accuracy report: {{E(r.Model)}}</h1>
            <p class="note">Dataset <code>{{E(r.Dataset)}}</code>{{(r.LimitIdentities is { } l ? $" (first {l} gallery identities)" : "")}}.
            Protocol: OpenLFR 1:N (eval-protocol.md): the first image of each person with two or more images is on the watchlist;
            their other images are searches of listed people (mated); images of people with one image, and each mated search with
            its own person left out, are searches of people who are not on the list (non-mated). Run took {{r.Seconds:F0}} s.</p>
            <h2>Headline</h2>
            <table>
            <tr><th>measure</th><th>value</th><th>what it means</th></tr>
            <tr><td>watchlist (gallery) size</td><td>{{r.Gallery:N0}}</td><td>people enrolled; {{r.FtdGallery}} had no detectable face and could not be enrolled</td></tr>
            <tr><td>mated searches</td><td>{{r.Mated:N0}}</td><td>searches of listed people; {{r.FtdProbes}} probe images (mated or not) had no detectable face</td></tr>
            <tr><td>non-mated searches</td><td>{{r.NonMated:N0}}</td><td>searches of people not on the list; they bound how small an FPIR can be measured</td></tr>
            <tr><td>rank-1 identification rate</td><td>{{P(r.RankOne)}}</td><td>share of listed people whose own entry scores highest, with no threshold</td></tr>
            """);
        foreach (var p in r.OperatingPoints)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>FNIR at FPIR {p.TargetFpir}</td><td>{F(p.Fnir)}</td><td>threshold {p.Threshold:F4}: {P(1 - p.Fnir)} of listed people are found while {P(p.Fpir)} of unlisted people raise an alert{(p.Resolved ? "" : " <span class=\"bad\">(too few non-mated searches to resolve this FPIR)</span>")}</td></tr>\n");
        html.Append("</table>\n<p class=\"note\">FPIR (false positive identification rate): share of searches of unlisted people that raise an alert. FNIR (false negative identification rate): share of searches of listed people that are not returned as the top candidate above the threshold. Lower is better for both.</p>\n");

        AppendGroups(html, r);

        html.Append("<h2>Threshold table</h2>\n<table><tr><th>target FPIR</th><th>threshold</th><th>FPIR reached</th><th>FNIR</th><th>TPIR</th></tr>\n");
        foreach (var target in TableFpirs)
        {
            var p = metrics.AtFpir(target);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{target}</td><td>{p.Threshold:F4}</td><td>{F(p.Fpir)}</td><td>{F(p.Fnir)}</td><td>{P(1 - p.Fnir)}{(p.Resolved ? "" : " (unresolved)")}</td></tr>\n");
        }
        html.Append("</table>\n");

        if (r.BySize is { } bySize) AppendBySize(html, bySize);

        html.Append("""
            <h2>DET curve</h2>
            <p class="note">Each point is one threshold: FNIR against FPIR, both on log scales. Lower-left is better. The full curve is in curve.csv.</p>
            <div class="charts"><div class="chart"><canvas id="det"></canvas></div></div>
            <h2>Score distributions</h2>
            <p class="note">How similar the top candidate is: for mated searches the score of the person's own entry, for non-mated searches the highest score on the list.
            The dashed line is the operating threshold (FPIR 0.001). Overlap is where errors happen.</p>
            <div class="charts" id="dists"></div>
            """);
        html.Append("<script>\n").Append(ChartLibrary()).Append("\n</script>\n");
        html.Append("<script>\nconst data = ").Append(JsonSerializer.Serialize(ChartData(r))).Append(";\n");
        html.Append(Script);
        html.Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void AppendGroups(StringBuilder html, EvaluationResult r)
    {
        if (r.Groups is not { } groups) return;
        html.Append(CultureInfo.InvariantCulture,
            $"<h2>By group (at the FPIR 0.001 threshold, {r.Operating.Threshold:F4})</h2>\n<table><tr><th>group</th><th>identities</th><th>mated</th><th>non-mated</th><th>FPIR (95% CI)</th><th>FNIR (95% CI)</th></tr>\n");
        foreach (var g in groups.Groups)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(g.Group)}</td><td>{g.Identities:N0}</td><td>{g.MatedCount:N0}</td><td>{g.NonMatedCount:N0}</td><td>{F(g.Fpir)} ({F(g.FpirCi.Low)} to {F(g.FpirCi.High)})</td><td>{F(g.Fnir)} ({F(g.FnirCi.Low)} to {F(g.FnirCi.High)})</td></tr>\n");
        html.Append("</table>\n");
        if (groups.Ratio is { } ratio)
        {
            string Verdict(double v, ConfidenceInterval ci) =>
                v >= 1.5 ? "<span class=\"bad\">not within the 1.5 aim</span>"
                : ci.High < 1.5 ? "within the 1.5 aim"
                : $"<span class=\"bad\">within the 1.5 aim as a point estimate, but its interval reaches {R(ci.High)}</span>";
            // A group with fewer than 1/FPIR non-mated searches expects under one false alert, so its FPIR (and the ratio) is noise.
            var fpirVerdict = groups.Groups.Any(g => g.NonMatedCount * r.OperatingFpir < 1)
                ? "<span class=\"bad\">not resolvable: a group has fewer non-mated searches than 1/FPIR</span>"
                : Verdict(ratio.Fpir, ratio.FpirCi);
            html.Append(CultureInfo.InvariantCulture,
                $"<p>Worst group over best: FPIR {R(ratio.Fpir)} (95% CI {R(ratio.FpirCi.Low)} to {R(ratio.FpirCi.High)}), {fpirVerdict}; FNIR {R(ratio.Fnir)} (95% CI {R(ratio.FnirCi.Low)} to {R(ratio.FnirCi.High)}), {Verdict(ratio.Fnir, ratio.FnirCi)}.</p>\n");
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Intervals: percentile bootstrap, resampling identities (all of a person's searches together), 1,000 resamples, fixed seed. A search's group is its own probe image's label. {groups.UnlabelledSearches:N0} searches had no label; {r.ConflictingLabels} image(s) carried two different labels and were left out.</p>\n");
    }

    /// <summary>Thresholds by watchlist size: what a deployment with N people on its watchlist must use for each FPIR.</summary>
    private static void AppendBySize(StringBuilder html, GallerySizeThresholds t)
    {
        var (largest, neverLower, compared) = t.ModelAgreement;
        var fpirs = t.Points.Select(p => p.TargetFpir).Distinct().ToList();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <h2>Thresholds by watchlist size</h2>
            <p class="note">More people on the watchlist, more chances for a passer-by to resemble one of them: the threshold for a
            false alert rate rises with the watchlist's size N. Up to this gallery ({{t.FullSize:N0}}) each figure is exact: the
            mean over every watchlist of N people drawn from it, for the {{t.NonMatedSearches:N0}} non-mated searches. Beyond it the FPIR
            is extrapolated as 1-(1-FMR)^N from the false match rate of the {{t.Comparisons:N0}} single comparisons, assuming they are
            independent; at the measured sizes that model's threshold was within {{F(largest)}} of the measured one
            ({{compared}} points{{(neverLower ? ", never lower" : ", sometimes lower")}}). Each cell: threshold (FNIR at it, for a watchlist of N that includes the person).</p>
            <table><tr><th>watchlist size N</th>
            """);
        foreach (var f in fpirs) html.Append(CultureInfo.InvariantCulture, $"<th>FPIR {f}</th>");
        html.Append("</tr>\n");
        foreach (var n in t.Sizes)
        {
            var points = t.Points.Where(p => p.GallerySize == n).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{n:N0}{(points[0].Extrapolated ? " (extrapolated)" : n == t.FullSize ? " (whole gallery)" : "")}</td>");
            foreach (var p in points)
                html.Append(CultureInfo.InvariantCulture, $"<td>{F(p.Threshold)} ({F(p.Fnir)}){(p.Resolved ? "" : " <span class=\"bad\">unresolved</span>")}</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static object ChartData(EvaluationResult r)
    {
        // Thin the curve to about 400 points evenly spaced in log FPIR; zero FNIR cannot be drawn on a log axis.
        var det = new List<double[]>();
        var lastLog = double.NegativeInfinity;
        foreach (var p in r.Curve)
        {
            if (p.Fnir <= 0) continue;
            var log = Math.Log10(p.Fpir);
            if (log - lastLog < 0.01 && p != r.Curve[^1]) continue;
            lastLog = log;
            det.Add([p.Fpir, p.Fnir]);
        }
        var distributions = new List<object> { Distribution("all searches", r.Outcomes.Mated, r.Outcomes.NonMated) };
        if (r.Groups is not null)
        {
            foreach (var g in r.Groups.Groups)
                distributions.Add(Distribution(g.Group, r.Outcomes.Mated.Where(m => r.GroupOfFile(m.FileName) == g.Group), r.Outcomes.NonMated.Where(n => r.GroupOfFile(n.FileName) == g.Group)));
        }
        return new
        {
            det,
            points = r.OperatingPoints.Where(p => p.Fnir > 0 && p.Fpir > 0).Select(p => new[] { p.Fpir, p.Fnir }),
            threshold = r.Operating.Threshold,
            distributions,
        };
    }

    private static object Distribution(string name, IEnumerable<MatedSearch> mated, IEnumerable<NonMatedSearch> nonMated)
    {
        var matedScores = mated.Where(m => m.MatedScore is not null).Select(m => m.MatedScore!.Value).ToArray();
        var nonMatedScores = nonMated.Select(n => n.Score).ToArray();
        var all = matedScores.Concat(nonMatedScores).ToArray();
        const int bins = 60;
        var lo = all.Length == 0 ? 0 : all.Min();
        var hi = all.Length == 0 ? 1 : all.Max();
        if (hi <= lo) hi = lo + 1e-6;
        var width = (hi - lo) / bins;
        double[][] Histogram(double[] scores)
        {
            var counts = new int[bins];
            foreach (var s in scores) counts[Math.Min((int)((s - lo) / width), bins - 1)]++;
            return counts.Select((c, i) => new[] { Math.Round(lo + (i + 0.5) * width, 5), scores.Length == 0 ? 0 : Math.Round((double)c / scores.Length, 6) }).ToArray();
        }
        return new { name, nMated = matedScores.Length, nNonMated = nonMatedScores.Length, mated = Histogram(matedScores), nonMated = Histogram(nonMatedScores) };
    }

    private static string ChartLibrary()
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream(ChartResource)
            ?? throw new EvaluationException("The report's charting library (Chart.js) was not built in: run scripts/setup (it runs npm ci in tools/report), then rebuild.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    private const string Script = """
        const xy = a => a.map(p => ({x: p[0], y: p[1]}));
        new Chart(document.getElementById('det'), {
          type: 'scatter',
          data: {datasets: [
            {label: 'DET curve', data: xy(data.det), showLine: true, pointRadius: 0, borderColor: '#1f5fa8', borderWidth: 2},
            {label: 'FPIR 0.01 / 0.001 / 0.0001', data: xy(data.points), pointRadius: 5, backgroundColor: '#c0392b'}]},
          options: {maintainAspectRatio: false, animation: false, scales: {
            x: {type: 'logarithmic', title: {display: true, text: 'FPIR (false positive identification rate)'}},
            y: {type: 'logarithmic', title: {display: true, text: 'FNIR (false negative identification rate)'}}}}
        });
        for (const d of data.distributions) {
          const box = document.createElement('div'); box.className = 'chart';
          const canvas = document.createElement('canvas'); box.appendChild(canvas);
          document.getElementById('dists').appendChild(box);
          const top = Math.max(...d.mated.map(p => p[1]), ...d.nonMated.map(p => p[1]));
          new Chart(canvas, {
            type: 'scatter',
            data: {datasets: [
              {label: `mated (${d.nMated})`, data: xy(d.mated), showLine: true, pointRadius: 0, borderColor: '#1f8a4c', backgroundColor: 'rgba(31,138,76,.15)', fill: true},
              {label: `non-mated (${d.nNonMated})`, data: xy(d.nonMated), showLine: true, pointRadius: 0, borderColor: '#c0392b', backgroundColor: 'rgba(192,57,43,.15)', fill: true},
              {label: 'threshold', data: [{x: data.threshold, y: 0}, {x: data.threshold, y: top}], showLine: true, pointRadius: 0, borderColor: '#333', borderDash: [6, 4]}]},
            options: {maintainAspectRatio: false, animation: false,
              plugins: {title: {display: true, text: d.name}},
              scales: {x: {title: {display: true, text: 'score'}}, y: {title: {display: true, text: 'share of searches'}, beginAtZero: true}}}
          });
        }

        """;

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    private static string P(double v) => double.IsFinite(v) ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string R(double v) => double.IsPositiveInfinity(v) ? "infinite" : double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
