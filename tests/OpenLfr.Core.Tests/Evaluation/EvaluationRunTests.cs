using System.Text.Json;
using OpenLfr.Core.Evaluation;
using OpenLfr.Core.Evaluation.Report;

namespace OpenLfr.Core.Tests.Evaluation;

public sealed class EvaluationRunTests : IDisposable
{
    // Gallery a1=(1,0,0) b1=(0,1,0) c1~(0,0.05,1). Mated: a2 cos(a)=0.8 (impostor b 0.6), b2 cos(b)=0.6 (impostor a 0.8: miss),
    // c2 no face. Extra non-mated: d1 top 0.707 (a and c), e1 top 0.
    private readonly string _root = TextVectorEmbedder.WriteDataset(
        ("a", "a1.jpg", "1 0 0"), ("a", "a2.jpg", "0.8 0.6 0"),
        ("b", "b1.jpg", "0 1 0"), ("b", "b2.jpg", "0.8 0.6 0.0001"),
        ("c", "c1.jpg", "0 0.1 2"), ("c", "c2.jpg", ""),
        ("d", "d1.jpg", "1 0 1"), ("e", "e1.jpg", "0 -1 0"));

    private readonly string _labels;

    public EvaluationRunTests()
    {
        _labels = Path.Combine(_root, "..", Path.GetFileName(_root) + "-labels.csv");
        File.WriteAllLines(_labels, ["file,group", "a2.jpg,g1", "d1.jpg,g1", "b2.jpg,g2", "c2.jpg,g2", "e1.jpg,g2"]);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        File.Delete(_labels);
    }

    private EvaluationResult Run(string model = "text") =>
        EvaluationRun.Execute(_root, model, [_labels], null, name => new TextVectorEmbedder(name + "@1"), cacheDirectory: null, null, CancellationToken.None);

    [Fact]
    public void End_to_end_figures_match_the_hand_computed_ones()
    {
        var r = Run();

        Assert.Equal((3, 3, 0, 1), (r.Gallery, r.Mated, r.FtdGallery, r.FtdProbes));
        Assert.Equal(4, r.NonMated); // a2 and b2 leave-one-out, d1, e1
        Assert.Equal(1.0 / 3, r.RankOne, 6);
        // Non-mated tops: 0.6 (a2 vs b), 0.8 (b2 vs a), 0.7071 (d1), 0 (e1). FPIR 0.01 of 4 allows none: T just above 0.8.
        var p = r.OperatingPoints[0];
        Assert.False(p.Resolved);
        Assert.Equal(0.0, p.Fpir);
        Assert.Equal(1.0, p.Fnir, 6); // a2's 0.8 < T
        Assert.Equal(["g1", "g2"], r.Groups!.Groups.Select(g => g.Group));
    }

    [Fact]
    public void Json_has_the_schema_of_issue_5()
    {
        using var doc = JsonDocument.Parse(JsonReport.Render(Run()));
        var root = doc.RootElement;
        foreach (var key in new[] { "dataset", "model", "gallery", "mated", "nonmated", "ftd_gallery", "ftd_probes", "rank1", "fnir_at_fpir", "groups", "group_ratio", "seconds" })
            Assert.True(root.TryGetProperty(key, out _), key);
        foreach (var target in new[] { "0.01", "0.001", "0.0001" })
        {
            var point = root.GetProperty("fnir_at_fpir").GetProperty(target);
            Assert.Equal(JsonValueKind.Number, point.GetProperty("threshold").ValueKind);
            Assert.Equal(JsonValueKind.Number, point.GetProperty("fnir").ValueKind);
        }
        var g1 = root.GetProperty("groups").GetProperty("g1");
        foreach (var key in new[] { "fpir", "fpir_ci", "fnir", "fnir_ci", "n_mated", "n_nonmated" })
            Assert.True(g1.TryGetProperty(key, out _), key);
        Assert.Equal(2, g1.GetProperty("fpir_ci").GetArrayLength());
        Assert.True(root.GetProperty("group_ratio").TryGetProperty("fnir", out _));
        Assert.Equal(3, root.GetProperty("gallery").GetInt32());
    }

    [Fact]
    public void Fusion_of_a_model_with_itself_ranks_like_the_model()
    {
        var single = Run("text");
        var fused = EvaluationRun.Execute(_root, "x+y", [], null, name => new TextVectorEmbedder(name), null, null, CancellationToken.None);

        Assert.Equal("x+y", fused.Model);
        Assert.Equal(single.RankOne, fused.RankOne);
        Assert.Equal(single.OperatingPoints.Select(p => p.Fnir), fused.OperatingPoints.Select(p => p.Fnir));
    }

    [Fact]
    public void Repeated_model_in_a_fusion_is_rejected()
    {
        Assert.Throws<EvaluationException>(() => EvaluationRun.ParseModels("a+a"));
        Assert.Throws<EvaluationException>(() => EvaluationRun.ParseModels("a+"));
    }

    [Fact]
    public void Csv_lists_the_curve_and_the_html_report_is_self_contained()
    {
        var r = Run();
        var csv = CurveCsv.Render(r).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("threshold,fpir,fnir", csv[0]);
        Assert.Equal(r.Curve.Count + 1, csv.Length);

        Assert.True(HtmlReport.ChartLibraryAvailable, "Chart.js must be built in: run scripts/setup (npm ci in tools/report)");
        var html = HtmlReport.Render(r);
        Assert.Contains("<canvas id=\"det\">", html);
        Assert.Contains("Chart", html);
        Assert.DoesNotContain("<script src=", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""), StringComparison.Ordinal);
        Assert.Contains("g1", html);
        Assert.Contains("not resolvable", html); // two or three non-mated searches per group cannot measure FPIR 0.001
    }
}
