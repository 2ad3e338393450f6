using System.CommandLine;
using System.Text.Json;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr detect IMAGE... [--json]</c>: faces with box, score, five points and quality per image.</summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var images = new Argument<string[]>("images") { Description = "Image files (JPEG, PNG, BMP, WebP, ...).", Arity = ArgumentArity.OneOrMore };
        var json = FaceCommandSupport.JsonOption();
        var threads = FaceCommandSupport.ThreadsOption();
        var command = new Command("detect", "Find faces: box, detector score, five landmarks and quality (with reasons) per image.");
        command.Arguments.Add(images);
        command.Options.Add(json);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            using var analyzer = FaceCommandSupport.Load(null, parse.GetValue(threads));
            if (analyzer is null) return 2;
            var asJson = parse.GetValue(json);
            var failed = 0;
            var lines = new List<string>();
            var files = parse.GetValue(images)!;
            void Emit(string line)
            {
                // Under a progress bar, hold the lines until it is done; otherwise stream them.
                if (Console.IsOutputRedirected || files.Length < 3) Console.WriteLine(line); else lines.Add(line);
            }
            FaceCommandSupport.WithProgress("detecting", files, file =>
            {
                var (_, faces, error) = FaceCommandSupport.AnalyzeFile(analyzer, file, embed: false);
                if (error is not null) failed++;
                Emit(asJson ? ToJson(file, faces, error) : ToText(file, faces, error));
            });
            lines.ForEach(Console.WriteLine);
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    internal static string ToJson(string file, IReadOnlyList<AnalyzedFace> faces, string? error) => FaceCommandSupport.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        if (error is not null)
        {
            w.WriteString("error", error);
            w.WriteEndObject();
            return;
        }
        w.WriteStartArray("faces");
        foreach (var f in faces)
        {
            w.WriteStartObject();
            FaceCommandSupport.WriteBox(w, f.Detection.Box);
            w.WriteNumber("score", FaceCommandSupport.Round(f.Detection.Score, 3));
            w.WriteStartArray("landmarks");
            foreach (var p in f.Landmarks.ToArray())
            {
                w.WriteStartArray();
                w.WriteNumberValue(FaceCommandSupport.Round(p.X, 1));
                w.WriteNumberValue(FaceCommandSupport.Round(p.Y, 1));
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartObject("quality");
            w.WriteNumber("score", FaceCommandSupport.Round(f.Quality.Score, 3));
            w.WriteStartArray("reasons");
            foreach (var r in f.Quality.Reasons) w.WriteStringValue(r.Message);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string ToText(string file, IReadOnlyList<AnalyzedFace> faces, string? error)
    {
        if (error is not null) return $"{file}: error: {error}";
        var lines = new List<string> { $"{file}: {faces.Count} face{(faces.Count == 1 ? "" : "s")}" };
        foreach (var f in faces)
        {
            var b = f.Detection.Box;
            var reasons = f.Quality.Reasons.Count == 0 ? "ok" : string.Join("; ", f.Quality.Reasons);
            lines.Add($"  box {b.X:F0},{b.Y:F0} {b.Width:F0}x{b.Height:F0}  score {f.Detection.Score:F2}  quality {f.Quality.Score:F2} ({reasons})");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
