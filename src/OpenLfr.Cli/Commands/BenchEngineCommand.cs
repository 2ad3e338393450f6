using System.CommandLine;
using System.Text.Json;
using OpenLfr.Cli.Benchmarks;
using OpenLfr.Inference.Models;

namespace OpenLfr.Cli.Commands;

/// <summary>
/// <c>lfr bench engine</c>: whole-model latency on the managed engine (median and min of at least 20 runs after
/// warm-up, and GMAC/s), for comparison with TensorFlow.js wasm via tools/peer-bench.
/// </summary>
internal static class BenchEngineCommand
{
    public static Command Create()
    {
        var model = new Option<string[]>("--model") { Description = "Models to run (default: faceboxes, mobilefacenet, faceres, faceapi-face_recognition, mobileface).", AllowMultipleArgumentsPerToken = true };
        var threads = new Option<int[]>("--threads") { Description = "Thread counts (default: 1 and 2).", AllowMultipleArgumentsPerToken = true };
        var batch = new Option<int[]>("--batch") { Description = "Batch sizes (default: 1 and 8; detectors run batch 1 unless asked).", AllowMultipleArgumentsPerToken = true };
        var runs = new Option<int>("--runs") { Description = "Timed runs per case (at least 20).", DefaultValueFactory = _ => 20 };
        var profile = new Option<bool>("--profile") { Description = "Print the slowest steps of each graph model (diagnostic)." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results as a JSON array to this file." };
        var command = new Command("engine", "Measure whole-model latency and GMAC/s on the managed engine.");
        command.Options.Add(model);
        command.Options.Add(threads);
        command.Options.Add(batch);
        command.Options.Add(runs);
        command.Options.Add(json);
        command.Options.Add(profile);
        command.SetAction(parse =>
        {
            var names = parse.GetValue(model) is { Length: > 0 } m ? m : EngineBenchmarks.Cases.Select(c => c.Model).ToArray();
            var all = EngineBenchmarks.Cases.Concat(EngineBenchmarks.Extra).ToList();
            var unknown = names.Where(n => all.All(c => c.Model != n)).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"Unknown --model {string.Join(", ", unknown)}; known: {string.Join(", ", all.Select(c => c.Model))}.");
                return 2;
            }
            var threadCounts = parse.GetValue(threads) is { Length: > 0 } t ? t : [1, 2];
            var explicitBatch = parse.GetValue(batch) is { Length: > 0 };
            var batches = explicitBatch ? parse.GetValue(batch)! : [1, 8];
            var runCount = Math.Max(20, parse.GetValue(runs));
            var store = ModelStore.Default();
            var results = new List<EngineBenchmarks.Result>();
            Console.WriteLine($"{"model",-26} {"input",-10} {"batch",5} {"thr",3} {"median ms",10} {"min ms",9} {"GMAC/s",7}");
            foreach (var c in all.Where(c => names.Contains(c.Model)))
                foreach (var b in batches.Where(b => b == 1 || !c.BatchOne || explicitBatch))
                    foreach (var n in threadCounts)
                    {
                        EngineBenchmarks.Result r;
                        try
                        {
                            r = EngineBenchmarks.Measure(store, c, b, n, runCount, warmup: 3, parse.GetValue(profile));
                        }
                        catch (ModelException e)
                        {
                            Console.Error.WriteLine(e.Message);
                            return 1;
                        }
                        results.Add(r);
                        Console.WriteLine($"{r.Model,-26} {r.Input,-10} {r.Batch,5} {r.Threads,3} {r.MedianMs,10:F2} {r.MinMs,9:F2} {r.Gmacs,7:F1}");
                    }
            if (parse.GetValue(json) is { } file)
            {
                var rows = results.Select(r => new
                {
                    model = r.Model, input = r.Input, batch = r.Batch, threads = r.Threads,
                    median_ms = Math.Round(r.MedianMs, 3), min_ms = Math.Round(r.MinMs, 3), gmacs = Math.Round(r.Gmacs, 2), macs = r.Macs,
                });
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                Console.WriteLine($"Wrote {file.FullName}");
            }
            Console.WriteLine("GMAC/s = conv/depthwise/matmul multiply-accumulates per second at the median. The machine is shared: compare side by side.");
            return 0;
        });
        return command;
    }
}
