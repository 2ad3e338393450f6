using System.CommandLine;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr embed IMAGE [--model NAME] [--json]</c>: the template of the image's main face.</summary>
internal static class EmbedCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("image") { Description = "Image file with a face." };
        var model = FaceCommandSupport.ModelOption();
        var json = FaceCommandSupport.JsonOption();
        var threads = FaceCommandSupport.ThreadsOption();
        var command = new Command("embed", "Compute the face template (embedding) of the image's largest face.");
        command.Arguments.Add(image);
        command.Options.Add(model);
        command.Options.Add(json);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            using var analyzer = FaceCommandSupport.Load(parse.GetValue(model), parse.GetValue(threads));
            if (analyzer is null) return 2;
            var file = parse.GetValue(image)!;
            var (decoded, faces, error) = FaceCommandSupport.AnalyzeFile(analyzer, file, embed: true);
            var face = decoded is null ? null : FaceAnalyzer.Primary(faces, decoded);
            if (error is not null || face?.Template is null)
            {
                var message = error ?? $"{file}: no face found.";
                if (parse.GetValue(json)) Console.WriteLine(FaceCommandSupport.Json(w => { w.WriteStartObject(); w.WriteString("file", file); w.WriteString("error", message); w.WriteEndObject(); }));
                else Console.Error.WriteLine($"error: {message}");
                return 1;
            }
            var t = face.Template;
            if (parse.GetValue(json))
            {
                Console.WriteLine(FaceCommandSupport.Json(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("file", file);
                    w.WriteString("embedder", t.EmbedderId);
                    w.WriteString("version", t.EmbedderVersion);
                    w.WriteNumber("faces", faces.Count);
                    FaceCommandSupport.WriteBox(w, face.Detection.Box);
                    w.WriteStartArray("embedding");
                    foreach (var v in t.Vector) w.WriteNumberValue(Math.Round(v, 6));
                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
            }
            else
            {
                Console.WriteLine($"{file}: {t.Dimension}-d template from {t.Space} (largest of {faces.Count} face{(faces.Count == 1 ? "" : "s")}, quality {face.Quality.Score:F2})");
                Console.WriteLine(string.Join(' ', t.Vector.Select(v => v.ToString("F5", System.Globalization.CultureInfo.InvariantCulture))));
            }
            return 0;
        });
        return command;
    }
}
