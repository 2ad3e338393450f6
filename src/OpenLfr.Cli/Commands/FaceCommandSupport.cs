using System.CommandLine;
using System.Text.Json;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Pipeline;
using Spectre.Console;

namespace OpenLfr.Cli.Commands;

/// <summary>What the face commands (detect, embed, compare, search) share: options, loading, JSON and progress.</summary>
internal static class FaceCommandSupport
{
    public static Option<string> ModelOption() => new("--model")
    {
        Description = $"Embedder: {string.Join(", ", EmbedderSpec.All.Select(s => s.Id))} (default {EmbedderSpec.DefaultId}, chosen by `lfr evaluate`; see docs/accuracy.md).",
        DefaultValueFactory = _ => EmbedderSpec.DefaultId,
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "One JSON object per line instead of text." };

    public static Option<int> ThreadsOption() => new("--threads") { Description = "Threads per model (default 1).", DefaultValueFactory = _ => 1 };

    /// <summary>Loads the analyzer, turning a missing model or unknown name into one clear line on stderr.</summary>
    public static FaceAnalyzer? Load(string? embedder, int threads)
    {
        try
        {
            return FaceAnalyzer.Load(new FaceAnalyzerOptions { Embedder = embedder, Threads = Math.Max(1, threads) });
        }
        catch (Exception e) when (e is ModelException or ArgumentException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
    }

    /// <summary>Decodes and analyzes one file; the error text (naming the file) when it cannot be read.</summary>
    public static (RgbImage? Image, IReadOnlyList<AnalyzedFace> Faces, string? Error) AnalyzeFile(FaceAnalyzer analyzer, string file, bool embed)
    {
        try
        {
            var image = ImageDecoder.Default.Decode(file);
            return (image, analyzer.Analyze(image, embed), null);
        }
        catch (ImageDecodeException e)
        {
            return (null, [], e.Message);
        }
    }

    public static readonly JsonWriterOptions Compact = new() { Indented = false };

    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact)) write(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static double Round(double v, int digits = 2) => Math.Round(v, digits);

    /// <summary>Writes <c>"box": [x, y, width, height]</c> in pixels, to 0.1 px.</summary>
    public static void WriteBox(Utf8JsonWriter w, BoxF box)
    {
        w.WriteStartArray("box");
        foreach (var v in new[] { box.X, box.Y, box.Width, box.Height }) w.WriteNumberValue(Round(v, 1));
        w.WriteEndArray();
    }

    /// <summary>
    /// Runs <paramref name="work"/> over <paramref name="items"/>, with a progress bar on the terminal
    /// (stderr-free: the bar is drawn on the console) and none when output is redirected.
    /// </summary>
    public static void WithProgress<T>(string title, IReadOnlyList<T> items, Action<T> work)
    {
        if (Console.IsOutputRedirected || items.Count < 3)
        {
            foreach (var item in items) work(item);
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: items.Count);
                foreach (var item in items)
                {
                    work(item);
                    task.Increment(1);
                }
            });
    }
}
