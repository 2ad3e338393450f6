using System.CommandLine;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Matching;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Cli.Commands;

/// <summary>
/// <c>lfr search --gallery DIR PROBE... [--top K] [--json]</c>: 1:N search of each probe's faces against a
/// gallery laid out as one folder per identity.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var gallery = new Option<string>("--gallery") { Description = "Folder with one sub-folder of images per identity.", Required = true };
        var probes = new Argument<string[]>("probes") { Description = "Images to search for.", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = "Identities listed per face (default 5).", DefaultValueFactory = _ => 5 };
        var threshold = new Option<float?>("--threshold") { Description = "Score for a possible match (default: the embedder's threshold at FPIR 0.001 for a gallery of this size, measured on LFW)." };
        var model = FaceCommandSupport.ModelOption();
        var json = FaceCommandSupport.JsonOption();
        var threads = FaceCommandSupport.ThreadsOption();
        var command = new Command("search", "Search faces in probe images against a gallery (folder per identity); lists the best identities with scores.");
        command.Options.Add(gallery);
        command.Arguments.Add(probes);
        command.Options.Add(top);
        command.Options.Add(threshold);
        command.Options.Add(model);
        command.Options.Add(json);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(gallery)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"error: gallery folder {dir} does not exist.");
                return 2;
            }
            using var analyzer = FaceCommandSupport.Load(parse.GetValue(model), parse.GetValue(threads));
            if (analyzer is null) return 2;
            var embedder = analyzer.Embedder!;
            var k = Math.Max(1, parse.GetValue(top));
            var asJson = parse.GetValue(json);

            using var index = new FaceGallery<string>(embedder.Id, embedder.Version, embedder.Dimension);
            var identityOf = new Dictionary<string, string>();
            var enrolFiles = Directory.GetDirectories(dir).OrderBy(d => d, StringComparer.Ordinal)
                .SelectMany(d => Directory.GetFiles(d).OrderBy(f => f, StringComparer.Ordinal).Select(f => (Identity: Path.GetFileName(d), File: f)))
                .ToList();
            var skipped = new List<string>();
            FaceCommandSupport.WithProgress("enrolling gallery", enrolFiles, item =>
            {
                var (image, faces, error) = FaceCommandSupport.AnalyzeFile(analyzer, item.File, embed: true);
                var face = image is null ? null : FaceAnalyzer.Primary(faces, image);
                if (error is not null || face?.Template is null) { skipped.Add(error ?? $"{item.File}: no face found."); return; }
                index.Add(item.File, face.Template);
                identityOf[item.File] = item.Identity;
            });
            foreach (var s in skipped) Console.Error.WriteLine($"warning: not enrolled: {s}");
            // The default follows the gallery's size: FPIR 1 in 1,000 for this many templates (EmbedderCalibration).
            float limit;
            try { limit = parse.GetValue(threshold) ?? EmbedderSpec.Get(embedder.Id).Calibration.ThresholdFor(0.001, Math.Max(index.Count, 1)); }
            catch (ArgumentOutOfRangeException e)
            {
                Console.Error.WriteLine($"error: {e.Message} Pass --threshold to choose one.");
                return 2;
            }
            if (!asJson) Console.WriteLine($"gallery: {index.Count} images of {identityOf.Values.Distinct().Count()} identities ({embedder.Id}, threshold {limit:F4})");

            var failed = 0;
            foreach (var probe in parse.GetValue(probes)!)
            {
                var (_, faces, error) = FaceCommandSupport.AnalyzeFile(analyzer, probe, embed: true);
                if (error is not null)
                {
                    failed++;
                    Console.WriteLine(asJson ? FaceCommandSupport.Json(w => { w.WriteStartObject(); w.WriteString("file", probe); w.WriteString("error", error); w.WriteEndObject(); }) : $"{probe}: error: {error}");
                    continue;
                }
                var results = faces.Select(f =>
                {
                    // Several images per identity: search deeper, keep each identity's best score.
                    var hits = index.Search(f.Template!, k * 4);
                    var best = hits.GroupBy(h => identityOf[h.Key]).Select(g => (Identity: g.Key, Score: g.Max(h => h.Score)))
                        .OrderByDescending(x => x.Score).Take(k).ToList();
                    return (Face: f, Best: best);
                }).ToList();
                if (asJson) Console.WriteLine(ToJson(probe, results, limit));
                else
                {
                    Console.WriteLine($"{probe}: {faces.Count} face{(faces.Count == 1 ? "" : "s")}");
                    foreach (var (face, best) in results)
                    {
                        var b = face.Detection.Box;
                        var first = best.FirstOrDefault();
                        var verdict = best.Count > 0 && first.Score >= limit ? $"possible match: {first.Identity} ({first.Score:F3})" : "no match above threshold";
                        Console.WriteLine($"  face at {b.X:F0},{b.Y:F0} {b.Width:F0}x{b.Height:F0}: {verdict}");
                        foreach (var (identity, score) in best) Console.WriteLine($"    {score:F3}  {identity}");
                    }
                }
            }
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static string ToJson(string probe, List<(AnalyzedFace Face, List<(string Identity, float Score)> Best)> results, float limit) =>
        FaceCommandSupport.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("file", probe);
            w.WriteStartArray("faces");
            foreach (var (face, best) in results)
            {
                w.WriteStartObject();
                FaceCommandSupport.WriteBox(w, face.Detection.Box);
                w.WriteNumber("score", FaceCommandSupport.Round(face.Detection.Score, 3));
                w.WriteStartArray("candidates");
                foreach (var (identity, score) in best)
                {
                    w.WriteStartObject();
                    w.WriteString("identity", identity);
                    w.WriteNumber("similarity", Math.Round(score, 4));
                    w.WriteBoolean("possibleMatch", score >= limit);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
}
