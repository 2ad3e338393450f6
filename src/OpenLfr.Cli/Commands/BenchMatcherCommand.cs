using System.CommandLine;
using OpenLfr.Vision.Matching;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr bench matcher</c>: exact 1:N search time per probe.</summary>
internal static class BenchMatcherCommand
{
    public static Command Create()
    {
        var size = new Option<int>("--size") { Description = "Gallery size (templates).", DefaultValueFactory = _ => 100_000 };
        var dims = new Option<int[]>("--dims") { Description = "Template dimensions to measure.", DefaultValueFactory = _ => [192, 512, 1024], AllowMultipleArgumentsPerToken = true };
        var batches = new Option<int[]>("--batch") { Description = "Probes searched together (faces of one frame).", DefaultValueFactory = _ => [1, 8], AllowMultipleArgumentsPerToken = true };
        var command = new Command("matcher", "Exact 1:N search time per probe, one thread, on random unit templates.");
        command.Options.Add(size);
        command.Options.Add(dims);
        command.Options.Add(batches);
        command.SetAction(parse =>
        {
            Console.WriteLine("gallery  dim  batch  ms/probe  GB/s (gallery read rate)");
            foreach (var d in parse.GetValue(dims)!)
            foreach (var b in parse.GetValue(batches)!)
            {
                var r = MatcherBenchmark.Run(parse.GetValue(size), d, b);
                Console.WriteLine($"{r.GallerySize,7} {r.Dimension,4} {r.Batch,6} {r.MillisecondsPerProbe,9:F3}  {r.GigabytesPerSecond,5:F1}");
            }
            return 0;
        });
        return command;
    }
}
