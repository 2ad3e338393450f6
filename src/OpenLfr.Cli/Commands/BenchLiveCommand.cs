using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenLfr.Core.Live;
using OpenLfr.Core.Live.Evaluation;
using OpenLfr.Vision.Simulation;
using OpenLfr.Vision.Video;

namespace OpenLfr.Cli.Commands;

/// <summary>
/// <c>lfr bench live</c>: the live pipeline on a simulated walk-past served as a real-time stream over loopback
/// (ffmpeg <c>-re</c>, MPEG-TS over TCP): frames processed per second, drops, faces seen, alerts scored against the
/// ground truth, alert latency (frame arrival to alert) and the machine's load average, as one JSON line.
/// </summary>
internal static class BenchLiveCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Face dataset for the simulation.", DefaultValueFactory = _ => "../shared/datasets/lfw" };
        var work = new Option<string>("--work") { Description = "Folder for the simulated video, truth and watchlist (reused when present).", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "openlfr-bench-live") };
        var size = new Option<string>("--size") { Description = "Video size WxH.", DefaultValueFactory = _ => "1920x1080" };
        var detectSize = new Option<string?>("--detect-size") { Description = "Detect size WxH (default: the video size)." };
        var fps = new Option<int>("--fps") { Description = "Video frames per second (all offered to the pipeline).", DefaultValueFactory = _ => 25 };
        var people = new Option<int>("--people") { DefaultValueFactory = _ => 18, Description = "People who walk past." };
        var watchlisted = new Option<int>("--watchlisted") { DefaultValueFactory = _ => 4, Description = "How many are watchlisted." };
        var concurrent = new Option<int>("--concurrent") { DefaultValueFactory = _ => 7, Description = "About how many in view at once (7 gives ~5 faces per frame)." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 5, Description = "Simulation seed." };

        var command = new Command("live", "Live pipeline on a simulated real-time stream over loopback: fps, drops, alerts (scored), latency.");
        foreach (var o in new Option[] { dataset, work, size, detectSize, fps, people, watchlisted, concurrent, seed }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var (w, h) = SimulateCommand.ParseSize(parse.GetValue(size)!);
                var (dw, dh) = parse.GetValue(detectSize) is { } d ? SimulateCommand.ParseSize(d) : (w, h);
                var dir = Directory.CreateDirectory(Path.Combine(parse.GetValue(work)!,
                    $"{w}x{h}-{parse.GetValue(fps)}fps-{parse.GetValue(people)}p{parse.GetValue(watchlisted)}w{parse.GetValue(concurrent)}c-seed{parse.GetValue(seed)}")).FullName;
                var simulation = SimulationOptions.InFolder(dir, parse.GetValue(dataset)!);
                if (!File.Exists(simulation.TruthFile))
                    WalkPastSimulator.Run(simulation with
                    {
                        People = parse.GetValue(people), Watchlisted = parse.GetValue(watchlisted), Width = w, Height = h, Fps = parse.GetValue(fps),
                        Seed = parse.GetValue(seed), Concurrent = parse.GetValue(concurrent),
                    }, m => Console.Error.WriteLine(m));
                var truth = GroundTruth.Load(simulation.TruthFile);

                using var analyzer = VisionLiveFaceAnalyzer.Load();
                using var gallery = FolderWatchlist.Load(simulation.WatchlistOutput!, analyzer);
                var recorder = new LiveRecorder();
                var sink = new CountingSink();
                using var server = new SimulatedCameraServer(truth.Video);
                server.Start();
                var load0 = LoadAverage();
                await using var capture = new CameraCapture(new CameraOptions { Name = "bench", Source = server.Url, Width = dw, Height = dh, Fps = truth.Fps });
                var pipeline = new LivePipeline(capture, analyzer, gallery, sink, new LivePipelineOptions { Observer = recorder });
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                stop.CancelAfter(TimeSpan.FromSeconds(truth.Duration + 4));
                await pipeline.RunAsync(stop.Token);
                var load1 = LoadAverage();

                var alerts = LiveAlertEvaluation.AlertsAt(recorder.Searches, new LivePipelineOptions().Threshold);
                var accuracy = LiveAlertEvaluation.Score(truth, alerts, new LivePipelineOptions().Threshold, (float)truth.Width / dw);
                var cam = capture.Stats.Snapshot();
                var facesPerFrame = truth.People.Sum(p => p.Boxes.Count) / Math.Max(1.0, truth.Duration * truth.Fps);
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["video"] = $"{w}x{h}@{truth.Fps}", ["detect"] = $"{dw}x{dh}", ["people"] = truth.People.Count, ["faces_per_frame"] = Math.Round(facesPerFrame, 2),
                    ["threshold"] = Math.Round(new LivePipelineOptions().Threshold, 4), ["embedder"] = LiveDefaults.Embedder,
                    ["frames_in"] = cam.FramesIn, ["frames_processed"] = cam.FramesProcessed, ["dropped"] = cam.Dropped, ["restarts"] = cam.Restarts,
                    ["processed_fps"] = Math.Round(cam.FramesProcessed / Math.Max(1e-3, truth.Duration), 1),
                    ["tracks"] = pipeline.Stats.Tracks, ["splits"] = pipeline.Splits, ["relinks"] = pipeline.Stats.Relinks,
                    ["alerts"] = pipeline.Stats.Alerts, ["true_alerts"] = accuracy.TrueAlerts, ["wrong_person_alerts"] = accuracy.WrongPerson,
                    ["watchlisted_alerted"] = $"{accuracy.WatchlistedAlerted}/{accuracy.Watchlisted}",
                    ["detect_ms_mean"] = pipeline.Stats.DetectMsMean, ["embed_ms_mean"] = pipeline.Stats.EmbedMsMean,
                    ["latency_ms_p50"] = pipeline.Stats.LatencyPercentile(50), ["latency_ms_p95"] = pipeline.Stats.LatencyPercentile(95),
                    ["load_before"] = load0, ["load_after"] = load1, ["cores"] = Environment.ProcessorCount,
                }));
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidDataException or OpenLfr.Inference.Models.ModelException)
            {
                Console.Error.WriteLine($"bench live: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class CountingSink : IAlertSink
    {
        public ValueTask PublishAsync(PossibleMatchAlert alert, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
