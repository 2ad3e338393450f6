using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenLfr.Core.Live;
using OpenLfr.Core.Live.Evaluation;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Simulation;
using OpenLfr.Vision.Video;

namespace OpenLfr.Cli.Commands;

/// <summary>
/// <c>lfr evaluate-live</c>: alert accuracy of the live pipeline on walk-past simulations (`lfr simulate`), scored
/// against their ground truth at a range of thresholds: true alerts, wrong-person alerts, recall of watchlisted
/// people, and track fragmentation. Every frame is processed in order (no drops), so the figures do not depend on load.
/// </summary>
internal static class EvaluateLiveCommand
{
    public static Command Create()
    {
        var truth = new Option<string[]>("--truth") { Description = "Ground-truth JSON of `lfr simulate` (repeat for several videos).", Required = true, AllowMultipleArgumentsPerToken = true };
        var watchlist = new Option<string[]>("--watchlist") { Description = "The watchlist folder of each --truth, in the same order.", AllowMultipleArgumentsPerToken = true };
        var alerts = new Option<string?>("--alerts") { Description = "Score these `lfr watch --json` alerts of the (single) --truth video instead of running the pipeline." };
        var thresholds = new Option<string>("--thresholds") { Description = "Thresholds to score, FROM:TO:STEP or a comma list.", DefaultValueFactory = _ => "0.90:0.98:0.005" };
        var pooling = new Option<TrackPooling>("--pooling") { Description = "How a track's embeddings are pooled (Mean, QualityWeighted, MaxScore).", DefaultValueFactory = _ => new LivePipelineOptions().Pooling };
        var samples = new Option<int>("--samples") { Description = "Embeddings kept per track.", DefaultValueFactory = _ => new LivePipelineOptions().SamplesPerTrack };
        var minSamples = new Option<int>("--min-samples") { Description = "Embeddings a track needs before it may alert.", DefaultValueFactory = _ => new LivePipelineOptions().MinSamplesForAlert };
        var noRelink = new Option<bool>("--no-relink") { Description = "Turn the tracker's appearance re-link off." };
        var noSplit = new Option<bool>("--no-split") { Description = "Turn the appearance check that splits a track jumping to another person off." };
        var embedder = new Option<string>("--embedder") { Description = "Embedding model.", DefaultValueFactory = _ => LiveDefaults.Embedder };
        var json = new Option<bool>("--json") { Description = "Print one JSON line per threshold." };
        var explain = new Option<float?>("--explain") { Description = "List the wrong-person alerts at this threshold (track, subject, score, time, whose face)." };

        var command = new Command("evaluate-live", "Score live alerts against walk-past ground truth: true and wrong-person alerts and recall per threshold.");
        foreach (var o in new Option[] { truth, watchlist, alerts, thresholds, pooling, samples, minSamples, noRelink, noSplit, embedder, json, explain }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var truths = parse.GetValue(truth)!.Select(LoadTruth).ToList();
                var sweep = ParseThresholds(parse.GetValue(thresholds)!);
                var runs = new List<(GroundTruth Truth, List<TrackSearch> Searches, TrackFragmentation? Tracks)>();
                if (parse.GetValue(alerts) is { } alertsFile)
                {
                    if (truths.Count != 1) throw new ArgumentException("--alerts scores one video: give exactly one --truth.");
                    runs.Add((truths[0], ReadAlerts(alertsFile), null));
                }
                else
                {
                    var lists = parse.GetValue(watchlist) ?? [];
                    if (lists.Length != truths.Count) throw new ArgumentException($"Give one --watchlist per --truth ({truths.Count}); got {lists.Length}.");
                    var options = new LivePipelineOptions
                    {
                        Pooling = parse.GetValue(pooling), SamplesPerTrack = parse.GetValue(samples), MinSamplesForAlert = parse.GetValue(minSamples),
                        RelinkSimilarity = parse.GetValue(noRelink) ? null : LiveDefaults.RelinkSimilarityFor(parse.GetValue(embedder)!),
                        SwitchSimilarity = parse.GetValue(noSplit) ? null : LiveDefaults.SwitchSimilarityFor(parse.GetValue(embedder)!),
                        Threshold = float.PositiveInfinity, // alerts are derived from the recorded searches per threshold
                    };
                    using var analyzer = VisionLiveFaceAnalyzer.Load(parse.GetValue(embedder)!);
                    for (var i = 0; i < truths.Count; i++)
                    {
                        using var gallery = FolderWatchlist.Load(lists[i], analyzer);
                        foreach (var p in gallery.Problems) Console.Error.WriteLine($"watchlist: {p}");
                        var recorder = new LiveRecorder();
                        var t = truths[i];
                        await using var capture = new CameraCapture(new CameraOptions { Name = "evaluation", Source = t.Video, Width = t.Width, Height = t.Height, Fps = t.Fps, Lossless = true });
                        var pipeline = new LivePipeline(capture, analyzer, gallery, new NoAlerts(), options with { Observer = recorder });
                        await pipeline.RunAsync(cancellationToken);
                        if (capture.Error is { } error) throw new IOException($"Reading {t.Video} failed: {error}");
                        var fragmentation = LiveAlertEvaluation.Fragmentation(t, recorder.Faces);
                        Console.Error.WriteLine($"{Path.GetFileName(t.Video)}: {capture.Stats.Snapshot().FramesProcessed} frames, {pipeline.Stats.Tracks} faces seen ({pipeline.Stats.Relinks} re-links, {pipeline.Splits} splits) for {t.People.Count(p => p.Boxes.Count > 0)} people, {recorder.Searches.Count} searches; "
                            + $"{fragmentation.SingleTrack} of {fragmentation.People} people one track, main-track share {fragmentation.MainTrackShare:P1}, {fragmentation.SharedTracks} tracks on two people");
                        runs.Add((t, recorder.Searches, fragmentation));
                        foreach (var split in recorder.Splits)
                        {
                            // A true split: the face now is not the person the track was on for most of its frames before.
                            var before = recorder.Faces.Where(f => f.TrackId == split.OldTrackId && f.FrameTime < split.FrameTime)
                                .Select(f => LiveAlertEvaluation.PersonAt(t, f.Box, f.FrameTime)?.Identity).Where(p => p is not null)
                                .GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
                            var now = LiveAlertEvaluation.PersonAt(t, split.Box, split.FrameTime)?.Identity;
                            Console.Error.WriteLine($"  split of track {split.OldTrackId} at {split.FrameTime:0.0} s, similarity {split.Similarity:0.0000}: {(before is null || now is null ? "unplaced" : before == now ? "same person (needless)" : "another person (right)")}");
                        }
                    }
                    Console.Error.WriteLine($"pooling {options.Pooling}, {options.SamplesPerTrack} samples per track, alert after {options.MinSamplesForAlert}, re-link {(options.RelinkSimilarity is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "off")}, split below {(options.SwitchSimilarity is { } q ? q.ToString("0.000", CultureInfo.InvariantCulture) : "off")}");
                }
                Report(runs, sweep, parse.GetValue(json));
                if (parse.GetValue(explain) is { } at) Explain(runs, at);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidDataException or JsonException or OpenLfr.Inference.Models.ModelException)
            {
                Console.Error.WriteLine($"evaluate-live: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void Report(List<(GroundTruth Truth, List<TrackSearch> Searches, TrackFragmentation? Tracks)> runs, IReadOnlyList<float> sweep, bool json)
    {
        // The highest score a search reached on a face that is not the subject's: the threshold must be above it.
        var wrong = runs.SelectMany(r => r.Searches.Where(s => LiveAlertEvaluation.PersonAt(r.Truth, s.Box, s.FrameTime)?.Identity != s.SubjectId)).ToList();
        var right = runs.SelectMany(r => r.Searches.Where(s => LiveAlertEvaluation.PersonAt(r.Truth, s.Box, s.FrameTime)?.Identity == s.SubjectId)).ToList();
        if (!json)
        {
            Console.WriteLine($"highest wrong-person score {(wrong.Count > 0 ? wrong.Max(s => s.Score).ToString("0.0000", CultureInfo.InvariantCulture) : "-")}; "
                + $"genuine scores {(right.Count > 0 ? $"{right.Min(s => s.Score):0.0000}..{right.Max(s => s.Score):0.0000}" : "-")} ({right.Count} searches)");
            Console.WriteLine("threshold | true alerts | wrong-person (watchlisted other / non-watchlisted / no face) | watchlisted alerted (recall)");
        }
        foreach (var threshold in sweep)
        {
            var a = AlertAccuracy.Sum(threshold, runs.Select(r => LiveAlertEvaluation.Score(r.Truth, LiveAlertEvaluation.AlertsAt(r.Searches, threshold), threshold)));
            if (json)
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["threshold"] = Math.Round(threshold, 4), ["true_alerts"] = a.TrueAlerts, ["wrong_person"] = a.WrongPerson,
                    ["wrong_watchlisted"] = a.WrongWatchlisted, ["on_non_watchlisted"] = a.OnNonWatchlisted, ["no_face"] = a.Unplaced,
                    ["watchlisted_alerted"] = a.WatchlistedAlerted, ["watchlisted"] = a.Watchlisted, ["non_watchlisted"] = a.NonWatchlisted, ["recall"] = Math.Round(a.Recall, 4),
                }));
            else
                Console.WriteLine($"{threshold:0.0000} | {a.TrueAlerts} | {a.WrongPerson} ({a.WrongWatchlisted} / {a.OnNonWatchlisted} / {a.Unplaced}) | {a.WatchlistedAlerted} of {a.Watchlisted} ({a.Recall:P0})");
        }
    }

    private static void Explain(List<(GroundTruth Truth, List<TrackSearch> Searches, TrackFragmentation? Tracks)> runs, float threshold)
    {
        foreach (var (t, searches, _) in runs)
        {
            foreach (var a in LiveAlertEvaluation.AlertsAt(searches, threshold))
            {
                var person = LiveAlertEvaluation.PersonAt(t, a.Box, a.FrameTime);
                if (person?.Identity == a.SubjectId) continue;
                var earlier = searches.Where(s => s.TrackId == a.TrackId && s.FrameTime < a.FrameTime)
                    .Select(s => LiveAlertEvaluation.PersonAt(t, s.Box, s.FrameTime)?.Identity ?? "-").Distinct();
                Console.WriteLine($"wrong: {Path.GetFileName(t.Video)} track {a.TrackId} -> {a.SubjectId} {a.Score:0.0000} at {a.FrameTime:0.0} s ({a.Samples} samples) "
                    + $"on {(person is null ? "no face" : person.Identity + (person.Watchlisted ? " (watchlisted)" : ""))}; track earlier on {string.Join(", ", earlier)}");
            }
        }
    }

    private static GroundTruth LoadTruth(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Ground truth {path} does not exist; make one with `lfr simulate --truth FILE`.", path);
        var t = GroundTruth.Load(path);
        if (!File.Exists(t.Video)) throw new FileNotFoundException($"The video {t.Video} named in {path} does not exist; re-run `lfr simulate`.", t.Video);
        return t;
    }

    /// <summary>Alerts printed by `lfr watch --json` (lines with a "subject"), as searches that alerted.</summary>
    private static List<TrackSearch> ReadAlerts(string path)
    {
        var list = new List<TrackSearch>();
        foreach (var line in File.ReadLines(path))
        {
            if (!line.TrimStart().StartsWith('{')) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (!r.TryGetProperty("subject", out var subject)) continue;
            if (!r.TryGetProperty("box", out var box) || box.GetArrayLength() != 4)
                throw new InvalidDataException($"{path}: an alert has no \"box\"; produce it with `lfr watch --json`.");
            list.Add(new TrackSearch(r.GetProperty("track").GetInt64(), subject.GetString()!, r.GetProperty("score").GetSingle(),
                new BoxF(box[0].GetSingle(), box[1].GetSingle(), box[2].GetSingle(), box[3].GetSingle()), r.GetProperty("frame_time").GetDouble(), 0));
        }
        return list;
    }

    internal static IReadOnlyList<float> ParseThresholds(string text)
    {
        var parts = text.Split(':');
        try
        {
            if (parts.Length == 3)
            {
                var (from, to, step) = (float.Parse(parts[0], CultureInfo.InvariantCulture), float.Parse(parts[1], CultureInfo.InvariantCulture), float.Parse(parts[2], CultureInfo.InvariantCulture));
                if (step <= 0 || to < from) throw new FormatException();
                return Enumerable.Range(0, (int)Math.Round((to - from) / step) + 1).Select(i => MathF.Round(from + i * step, 4)).ToList();
            }
            return text.Split(',').Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToList();
        }
        catch (FormatException)
        {
            throw new FormatException($"--thresholds '{text}' is invalid; use FROM:TO:STEP (e.g. 0.90:0.98:0.005) or a comma list.");
        }
    }

    private sealed class NoAlerts : IAlertSink
    {
        public ValueTask PublishAsync(PossibleMatchAlert alert, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
