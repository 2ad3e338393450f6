using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.Tests.OperatorConsole;

public sealed class EvaluationReportReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openlfr-eval-").FullName;

    private EvaluationReportReader Reader(string? path = null) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EvaluationReportReader.ConfigurationKey] = path, ["OPENLFR_DATA"] = _dir,
        }).Build(),
        new Env(_dir));

    [Fact]
    public void Absent_report_reads_as_not_yet_measured()
    {
        Assert.Null(Reader().Read(out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Reads_the_figures_that_lfr_evaluate_writes()
    {
        File.WriteAllText(Path.Combine(_dir, "evaluation.json"), """
            { "dataset": "lfw", "model": "mobilefacenet", "gallery": 1680, "mated": 7484, "nonmated": 11543, "rank1": 0.95,
              "fnir_at_fpir": { "0.001": { "threshold": 0.41, "fnir": 0.08, "fpir": 0.00095, "resolved": true } },
              "operating_fpir": 0.001, "operating_threshold": 0.41,
              "groups": { "female": { "fpir": 0.0008, "fnir": 0.09, "n_mated": 1500, "n_nonmated": 3000 },
                          "male": { "fpir": 0.0010, "fnir": 0.07, "n_mated": 6000, "n_nonmated": 8500 } },
              "group_ratio": { "fpir": 1.25, "fnir": null } }
            """);
        var summary = Reader().Read(out var problem)!;
        Assert.Null(problem);
        Assert.Equal("mobilefacenet", summary.Model);
        Assert.Equal(0.08, summary.Points.Single().Fnir);
        Assert.Equal(["female", "male"], summary.Groups.Select(g => g.Group));
        Assert.Equal(1.25, summary.FpirRatio);
        Assert.Null(summary.FnirRatio);
    }

    [Fact]
    public void Reads_the_thresholds_by_watchlist_size_at_fpir_1_in_1000()
    {
        File.WriteAllText(Path.Combine(_dir, "evaluation.json"), """
            { "dataset": "lfw", "model": "faceapi", "gallery": 1680,
              "thresholds_by_gallery_size": { "gallery": 1680, "sizes": [
                { "gallery_size": 1, "extrapolated": false, "at_fpir": { "0.01": { "threshold": 0.91, "fnir": 0.01, "resolved": true },
                                                                         "0.001": { "threshold": 0.93, "fnir": 0.05, "resolved": true } } },
                { "gallery_size": 10000, "extrapolated": true, "at_fpir": { "0.001": { "threshold": 0.97, "fnir": 0.9, "resolved": true } } },
                { "gallery_size": 20000, "extrapolated": true, "at_fpir": { "0.001": { "threshold": 0.99, "fnir": 0.99, "resolved": false } } } ] } }
            """);
        var bySize = Reader().Read(out _)!.BySize;
        Assert.Equal([new WatchlistSizePoint(1, false, 0.93, 0.05), new WatchlistSizePoint(10000, true, 0.97, 0.9), new WatchlistSizePoint(20000, true, null, null)], bySize);
    }

    [Fact]
    public void A_report_without_thresholds_by_size_has_none()
    {
        File.WriteAllText(Path.Combine(_dir, "evaluation.json"), """{ "dataset": "lfw", "model": "faceapi", "gallery": 1680 }""");
        Assert.Empty(Reader().Read(out _)!.BySize);
    }

    [Fact]
    public void Unreadable_report_is_reported_not_shown()
    {
        var path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, "{ not json");
        Assert.Null(Reader(path).Read(out var problem));
        Assert.Contains(path, problem);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Env(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
