using System.CommandLine;
using OpenLfr.Vision.Matching;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr bench matcher</c>: 1:N search time per probe, old fp32 scan vs int8 filter + fp32 re-score.</summary>
internal static class BenchMatcherCommand
{
    private const double TargetMilliseconds = 2.0;

    public static Command Create()
    {
        var size = new Option<int>("--size") { Description = "Gallery size (templates).", DefaultValueFactory = _ => 100_000 };
        var dims = new Option<int[]>("--dims") { Description = "Template dimensions to measure (face-api 128, mobilefacenet 192, mobileface 256, faceres 1024).", DefaultValueFactory = _ => [128, 192, 256, 1024], AllowMultipleArgumentsPerToken = true };
        var batches = new Option<int[]>("--batch") { Description = "Probes searched together (faces of one frame).", DefaultValueFactory = _ => [1, 8], AllowMultipleArgumentsPerToken = true };
        var searches = new Option<int>("--searches") { Description = "Timed searches per figure (the median is shown).", DefaultValueFactory = _ => 30 };
        var embeddings = new Option<string[]>("--embeddings") { Description = "Evaluation embedding cache files (~/.cache/openlfr/embeddings/*.bin): also measure the int8 error on these real embeddings.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var command = new Command("matcher", "1:N search time per probe on one thread, random unit templates: fp32 scan of every row vs int8 filter + exact fp32 re-score (the default).");
        command.Options.Add(size);
        command.Options.Add(dims);
        command.Options.Add(batches);
        command.Options.Add(searches);
        command.Options.Add(embeddings);
        command.SetAction(parse =>
        {
            Console.WriteLine($"load average: {LoadAverage()}   target: <= {TargetMilliseconds} ms per probe, one thread");
            Console.WriteLine("ms per probe, median; cold = CPU caches flushed before each search (the figure to quote), warm = searches back to back");
            Console.WriteLine("gallery  dim  batch  fp32 cold  int8 cold  speed-up  vs target   int8 warm  int8 cold min  rescored/probe");
            var summaries = new List<string>();
            foreach (var d in parse.GetValue(dims)!)
            {
                var r = MatcherBenchmark.Run(parse.GetValue(size), d, parse.GetValue(batches)!, parse.GetValue(searches));
                foreach (var t in r.Timings)
                {
                    var verdict = t.Int8Milliseconds <= TargetMilliseconds ? "meets" : $"{t.Int8Milliseconds / TargetMilliseconds:F1}x over";
                    Console.WriteLine($"{r.GallerySize,7} {r.Dimension,4} {t.Batch,6} {t.FloatMilliseconds,10:F3} {t.Int8Milliseconds,10:F3} {t.FloatMilliseconds / t.Int8Milliseconds,8:F1}x  {verdict,-10} {t.Int8WarmMilliseconds,9:F3} {t.Int8MinMilliseconds,14:F3} {t.RescoredPerProbe,15:F0}");
                }
                summaries.Add($"{r.Dimension,4}-d: int8 kernel {r.Kernel}, max |int8 - fp32| {r.MaxError:F4} (proven bound {r.Bound:F4}), top-10 identical to the fp32 scan for {r.Agreements}/{r.Probes} probes");
            }
            Console.WriteLine();
            foreach (var s in summaries) Console.WriteLine(s);
            foreach (var file in parse.GetValue(embeddings)!)
            {
                List<float[]> vectors;
                try
                {
                    vectors = CachedEmbeddings.Read(file);
                }
                catch (Exception e) when (e is OpenLfr.Core.Evaluation.EvaluationException or InvalidDataException or IOException)
                {
                    Console.Error.WriteLine($"bench matcher: {e.Message}");
                    return 2;
                }
                if (vectors.Count < 2)
                {
                    Console.Error.WriteLine($"{file}: {vectors.Count} embeddings; need at least 2.");
                    return 1;
                }
                var r = MatcherBenchmark.RunReal(vectors);
                Console.WriteLine($"real {r.Dimension,4}-d ({Path.GetFileName(file)}): gallery {r.GallerySize}, {r.Probes} held-out probes: max |int8 - fp32| {r.MaxError:F4} (bound {r.Bound:F4}), " +
                    $"top-10 identical for {r.Agreements}/{r.Probes}, {r.RescoredPerProbe:F0} rows re-scored per probe");
            }
            return 0;
        });
        return command;
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}
