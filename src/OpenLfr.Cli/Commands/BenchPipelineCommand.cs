using System.CommandLine;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr bench pipeline</c>: images per second for decode and the whole face pipeline on an image folder.</summary>
internal static class BenchPipelineCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--images") { Description = "Folder of images, searched recursively (default ../shared/datasets/lfw).", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets", "lfw") };
        var count = new Option<int>("--count") { Description = "Images to use (evenly spread over the sorted list).", DefaultValueFactory = _ => 200 };
        var model = FaceCommandSupport.ModelOption();
        var workers = new Option<int[]>("--workers") { Description = "Parallel analyzers to measure (one model thread each).", DefaultValueFactory = _ => [1, 2], AllowMultipleArgumentsPerToken = true };
        var command = new Command("pipeline", "Images/s for decoding and for detect+landmarks+align+embed, with 1 and 2 workers.");
        command.Options.Add(dir);
        command.Options.Add(count);
        command.Options.Add(model);
        command.Options.Add(workers);
        command.SetAction(parse =>
        {
            var root = parse.GetValue(dir)!;
            if (!Directory.Exists(root)) { Console.Error.WriteLine($"error: {root} does not exist."); return 2; }
            var all = Directory.GetFiles(root, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
            var n = Math.Min(parse.GetValue(count), all.Count);
            var files = Enumerable.Range(0, n).Select(i => all[(int)((long)i * all.Count / n)]).ToList();
            Console.WriteLine($"{n} images from {root}, {Environment.ProcessorCount} cores");
            var (turbo, ffmpeg) = PipelineBenchmark.Decode(files);
            foreach (var r in new[] { turbo, ffmpeg }) Console.WriteLine($"{r.Stage,-60} {r.ImagesPerSecond,8:F1} images/s");
            foreach (var w in parse.GetValue(workers)!)
            {
                var r = PipelineBenchmark.Analyze(files, w, parse.GetValue(model)!);
                Console.WriteLine($"{r.Stage,-60} {r.ImagesPerSecond,8:F1} images/s  ({w} worker{(w == 1 ? "" : "s")}, {r.Faces} faces, {1000 * r.Seconds / r.Images:F0} ms/image)");
            }
            return 0;
        });
        return command;
    }
}
