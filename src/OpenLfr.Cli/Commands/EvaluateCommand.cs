using System.CommandLine;
using OpenLfr.Core.Evaluation;
using OpenLfr.Core.Evaluation.Embedding;
using OpenLfr.Core.Evaluation.Report;
using OpenLfr.Vision.Landmarks;
using Spectre.Console;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr evaluate</c>: 1:N accuracy and demographic differentials on a folder-per-identity dataset (eval-protocol.md).</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Folder with one sub-folder of images per identity (e.g. ../shared/datasets/lfw).", Required = true };
        var labels = new Option<string[]>("--labels") { Description = "Labels file(s): a list of file names (group = file stem, e.g. female_names.txt) or CSV file,group. Repeat for several." };
        var model = new Option<string>("--model") { Description = $"Model, or two joined by '+' for score fusion (e.g. mobilefacenet+faceres). Default: {PipelineEmbedders.DefaultModel}.", DefaultValueFactory = _ => PipelineEmbedders.DefaultModel };
        var limit = new Option<int?>("--limit-identities") { Description = "Use only the first N identities with two or more images (ordinal), and the single-image ones before them." };
        var outDir = new Option<string?>("--out") { Description = "Write report.html (opens offline), curve.csv and result.json into this folder." };
        var json = new Option<string?>("--json") { Description = "Write the summary as JSON to this file." };
        var landmarks = new Option<string>("--landmarks")
        {
            Description = $"Five-point landmarker: {string.Join(", ", LandmarkerFactory.Names)}. Default: {LandmarkerFactory.Default}.",
            DefaultValueFactory = _ => LandmarkerFactory.Default,
        };
        landmarks.AcceptOnlyFromAmong([.. LandmarkerFactory.Names]);
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the embedding cache." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"Embedding cache folder (default {EmbeddingCache.DefaultDirectory})." };

        var command = new Command("evaluate", "Measure 1:N accuracy (rank-1, FNIR at FPIR 0.01/0.001/0.0001) and per-group FPIR/FNIR with confidence intervals.");
        foreach (var o in new Option[] { dataset, labels, model, landmarks, limit, outDir, json, noCache, cacheDir }) command.Options.Add(o);
        command.SetAction((parse, cancellationToken) =>
        {
            try
            {
                var result = Run(
                    parse.GetValue(dataset)!,
                    parse.GetValue(model)!,
                    parse.GetValue(landmarks)!,
                    parse.GetValue(labels) ?? [],
                    parse.GetValue(limit),
                    parse.GetValue(noCache) ? null : parse.GetValue(cacheDir) ?? EmbeddingCache.DefaultDirectory,
                    cancellationToken);
                PrintSummary(result);
                if (parse.GetValue(json) is { } jsonPath) WriteFile(jsonPath, JsonReport.Render(result));
                if (parse.GetValue(outDir) is { } dir)
                {
                    Directory.CreateDirectory(dir);
                    WriteFile(Path.Combine(dir, "result.json"), JsonReport.Render(result));
                    WriteFile(Path.Combine(dir, "curve.csv"), CurveCsv.Render(result));
                    WriteFile(Path.Combine(dir, "report.html"), HtmlReport.Render(result));
                    Console.WriteLine($"Report: {Path.GetFullPath(Path.Combine(dir, "report.html"))}");
                }
                return Task.FromResult(0);
            }
            catch (EvaluationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(2);
            }
        });
        return command;
    }

    private static EvaluationResult Run(string dataset, string model, string landmarks, string[] labels, int? limit, string? cacheDir, CancellationToken cancellationToken)
    {
        EvaluationResult Execute(IProgress<EmbeddingProgress> progress) =>
            EvaluationRun.Execute(dataset, model, labels, limit, m => PipelineEmbedders.Create(m, landmarks), cacheDir, progress, cancellationToken);

        if (Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lastTenth = new Dictionary<string, int>();
            return Execute(new SyncProgress<EmbeddingProgress>(p =>
            {
                var tenth = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
                if (lastTenth.TryGetValue(p.EmbedderId, out var last) && last == tenth) return;
                lastTenth[p.EmbedderId] = tenth;
                Console.Error.WriteLine($"{p.EmbedderId}: {p.Done}/{p.Total} images embedded ({p.FromCache} from cache)");
            }));
        }

        EvaluationResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                result = Execute(new SyncProgress<EmbeddingProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.EmbedderId, out var task))
                        tasks[p.EmbedderId] = task = ctx.AddTask(Markup.Escape($"embedding ({p.EmbedderId})"), maxValue: p.Total);
                    task.Value = p.Done;
                }));
            });
        return result!;
    }

    private static void PrintSummary(EvaluationResult r)
    {
        Console.WriteLine($"{r.Model} on {r.Dataset}{(r.LimitIdentities is { } l ? $" (first {l} gallery identities)" : "")}");
        Console.WriteLine($"gallery {r.Gallery}, mated searches {r.Mated}, non-mated searches {r.NonMated}; failed to detect: gallery {r.FtdGallery}, probes {r.FtdProbes}");
        Console.WriteLine($"rank-1 {r.RankOne:P2}");
        foreach (var p in r.OperatingPoints)
            Console.WriteLine($"FNIR @ FPIR {p.TargetFpir}: {p.Fnir:F4} (threshold {p.Threshold:F4}, FPIR reached {p.Fpir:F5}{(p.Resolved ? "" : ", unresolved: too few non-mated searches")})");
        if (r.Groups is { } groups)
        {
            foreach (var g in groups.Groups)
                Console.WriteLine($"  {g.Group}: FPIR {g.Fpir:F4} [{g.FpirCi.Low:F4}, {g.FpirCi.High:F4}]  FNIR {g.Fnir:F4} [{g.FnirCi.Low:F4}, {g.FnirCi.High:F4}]  ({g.MatedCount} mated, {g.NonMatedCount} non-mated)");
            if (groups.Ratio is { } ratio)
                Console.WriteLine($"  worst/best: FPIR {ratio.Fpir:F2} [{ratio.FpirCi.Low:F2}, {ratio.FpirCi.High:F2}]  FNIR {ratio.Fnir:F2} [{ratio.FnirCi.Low:F2}, {ratio.FnirCi.High:F2}]");
        }
        Console.WriteLine($"{r.Seconds:F1} s");
    }

    private static void WriteFile(string path, string content)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder updates).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
