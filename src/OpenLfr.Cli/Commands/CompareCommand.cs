using System.CommandLine;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr compare A B [--model NAME]</c>: similarity of two images' main faces and the decision.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "First image." };
        var b = new Argument<string>("b") { Description = "Second image." };
        var model = FaceCommandSupport.ModelOption();
        var threads = FaceCommandSupport.ThreadsOption();
        var command = new Command("compare", "Compare the largest face of two images: cosine similarity and the decision at the embedder's threshold for 1 false match in 1,000 comparisons.");
        command.Arguments.Add(a);
        command.Arguments.Add(b);
        command.Options.Add(model);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            using var analyzer = FaceCommandSupport.Load(parse.GetValue(model), parse.GetValue(threads));
            if (analyzer is null) return 2;
            var templates = new List<FaceTemplate>();
            foreach (var file in new[] { parse.GetValue(a)!, parse.GetValue(b)! })
            {
                var (image, faces, error) = FaceCommandSupport.AnalyzeFile(analyzer, file, embed: true);
                var face = image is null ? null : FaceAnalyzer.Primary(faces, image);
                if (error is not null || face?.Template is null)
                {
                    Console.Error.WriteLine($"error: {error ?? $"{file}: no face found."}");
                    return 1;
                }
                templates.Add(face.Template);
            }
            var spec = EmbedderSpec.Get(analyzer.Embedder!.Id);
            var similarity = templates[0].Similarity(templates[1]);
            // One-to-one: one chance of a false match, so the threshold for a watchlist of one (lower than a big watchlist's).
            var limit = spec.Calibration.ThresholdFor(0.001, 1);
            var same = similarity >= limit;
            Console.WriteLine($"similarity {similarity:F4} ({spec.Id}, threshold {limit:F4}: false match rate 1 in 1,000 for one comparison, {spec.Calibration.Source})");
            Console.WriteLine(same ? "possible match: likely the same person (a person must confirm)" : "no match: likely different people");
            return 0;
        });
        return command;
    }
}
