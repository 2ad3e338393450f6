using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenLfr.Core.Live;
using OpenLfr.Vision.Video;

namespace OpenLfr.Cli.Commands;

/// <summary>
/// <c>lfr watch</c>: standalone live identification of one camera or file against a watchlist folder,
/// without the server. Prints each possible match (JSON lines with --json) and, on exit, the stats.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Video file, rtsp://, http(s)://, tcp:// URL or /dev/videoN.", Required = true };
        var watchlist = new Option<string>("--watchlist") { Description = "Folder with one sub-folder of photos per subject.", Required = true };
        var threshold = new Option<float?>("--threshold") { Description = "Cosine similarity of a track's pooled evidence for a possible match (default: the embedder's threshold at FPIR 0.001 for a watchlist of this many photos, with the live pooling adjustment; docs/accuracy.md, docs/benchmarks.md)." };
        var roi = new Option<string?>("--roi") { Description = "Region of interest x,y,w,h in detect-frame pixels (default: whole frame)." };
        var json = new Option<bool>("--json") { Description = "Print alerts and the final stats as JSON lines." };
        var size = new Option<string?>("--size") { Description = "Detect size WxH (default: the source's own size for files, 1280x720 for streams)." };
        var fps = new Option<double>("--fps") { Description = "Detect frames per second.", DefaultValueFactory = _ => 10 };
        var embedder = new Option<string>("--embedder") { Description = "Embedding model (faceapi, mobileface, faceres, faceres-deep).", DefaultValueFactory = _ => LiveDefaults.Embedder };
        var camera = new Option<string>("--camera") { Description = "Camera name shown in alerts.", DefaultValueFactory = _ => "camera-1" };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: until the file ends or Ctrl+C)." };
        var fast = new Option<bool>("--fast") { Description = "Read a file as fast as possible, every frame in order (offline evaluation), instead of at its real-time rate." };

        var command = new Command("watch", "Watch a camera or video file for possible matches against a watchlist folder (standalone, no server).");
        foreach (var o in new Option[] { source, watchlist, threshold, roi, json, size, fps, embedder, camera, duration, fast }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            try
            {
                var src = parse.GetValue(source)!;
                var (w, h) = parse.GetValue(size) is { } s ? SimulateCommand.ParseSize(s) : DefaultSize(src);
                var cameraOptions = new CameraOptions
                {
                    Name = parse.GetValue(camera)!, Source = src, Width = w, Height = h, Fps = parse.GetValue(fps),
                    RealTime = !parse.GetValue(fast), Lossless = parse.GetValue(fast),
                };
                cameraOptions.Validate();
                var options = new LivePipelineOptions
                {
                    RegionOfInterest = parse.GetValue(roi) is { } r ? RegionOfInterest.Parse(r) : null,
                    RelinkSimilarity = LiveDefaults.RelinkSimilarityFor(parse.GetValue(embedder)!),
                    SwitchSimilarity = LiveDefaults.SwitchSimilarityFor(parse.GetValue(embedder)!),
                };
                if (!Directory.Exists(parse.GetValue(watchlist)))
                    throw new DirectoryNotFoundException($"Watchlist folder {parse.GetValue(watchlist)} does not exist; give a folder with one sub-folder of photos per subject.");
                using var analyzer = VisionLiveFaceAnalyzer.Load(parse.GetValue(embedder)!);
                using var gallery = FolderWatchlist.Load(parse.GetValue(watchlist)!, analyzer);
                foreach (var p in gallery.Problems) Console.Error.WriteLine($"watchlist: {p}");
                // The default follows the watchlist's size (FPIR 1 in 1,000 for this many photos), with the live pooling adjustment.
                var id = parse.GetValue(embedder)!;
                options = options with
                {
                    Threshold = parse.GetValue(threshold)
                                ?? LiveDefaults.LiveThreshold(id, OpenLfr.Vision.Embedding.EmbedderSpec.Get(id).Calibration.ThresholdFor(0.001, Math.Max(gallery.Count, 1))),
                };
                Console.Error.WriteLine($"watching {src} at {w}x{h}, {cameraOptions.Fps} fps; {gallery.Count} watchlist photos; threshold {options.Threshold}");

                var capture = new CameraCapture(cameraOptions);
                var pipeline = new LivePipeline(capture, analyzer, gallery, new ConsoleAlertSink(asJson), options);
                using var service = new LivePipelineService([pipeline]);
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (parse.GetValue(duration) is { } seconds) stop.CancelAfter(TimeSpan.FromSeconds(seconds));
                await service.StartAsync(stop.Token);
                try
                {
                    await service.ExecuteTask!.WaitAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
                // Stats first: on Ctrl+C the process may be ended before a frame in progress finishes.
                PrintStats(pipeline, asJson);
                await service.StopAsync(CancellationToken.None);
                await capture.DisposeAsync();
                if (capture.Error is { } error)
                {
                    Console.Error.WriteLine($"watch: {error}");
                    return 1;
                }
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidDataException or OpenLfr.Inference.Models.ModelException)
            {
                Console.Error.WriteLine($"watch: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void PrintStats(LivePipeline pipeline, bool asJson)
    {
        var cam = pipeline.Capture.Stats.Snapshot();
        var stats = new Dictionary<string, object?>
        {
            ["frames_in"] = cam.FramesIn,
            ["frames_processed"] = cam.FramesProcessed,
            ["dropped"] = cam.Dropped,
            ["restarts"] = cam.Restarts,
            ["tracks"] = pipeline.Stats.Tracks,
            ["relinks"] = pipeline.Stats.Relinks,
            ["splits"] = pipeline.Splits,
            ["faces_detected"] = pipeline.Stats.FacesDetected,
            ["embeddings"] = pipeline.Stats.Embeddings,
            ["alerts"] = pipeline.Stats.Alerts,
            ["detect_ms_mean"] = pipeline.Stats.DetectMsMean,
            ["embed_ms_mean"] = pipeline.Stats.EmbedMsMean,
            ["latency_ms_p50"] = pipeline.Stats.LatencyPercentile(50),
            ["latency_ms_p95"] = pipeline.Stats.LatencyPercentile(95),
        };
        if (asJson) Console.WriteLine(JsonSerializer.Serialize(stats));
        else Console.WriteLine(string.Join(", ", stats.Select(kv => $"{kv.Key}: {kv.Value ?? "-"}")));
    }

    private static (int, int) DefaultSize(string source)
    {
        if (CameraOptions.KindOf(source) != CameraSourceKind.File || !File.Exists(source)) return (1280, 720);
        var psi = new ProcessStartInfo(OpenLfr.Vision.Media.FfmpegTool.Ffprobe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", source }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var parts = p.StandardOutput.ReadToEnd().Trim().Split('x');
        p.WaitForExit();
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var h)
            ? (w & ~1, h & ~1)
            : throw new InvalidDataException($"Cannot read the video size of {source}; is it a video file? Give --size WxH to override.");
    }

    /// <summary>Prints alerts as they come: one JSON line each with --json, a sentence otherwise. Never prints biometric data.</summary>
    private sealed class ConsoleAlertSink(bool json) : IAlertSink
    {
        public ValueTask PublishAsync(PossibleMatchAlert a, CancellationToken cancellationToken)
        {
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["time"] = a.RaisedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["camera"] = a.Camera,
                    ["track"] = a.TrackId,
                    ["subject"] = a.SubjectId,
                    ["score"] = Math.Round(a.Score, 4),
                    ["frame_time"] = Math.Round(a.FrameTime, 3),
                    ["latency_ms"] = a.LatencyMs,
                    ["box"] = new[] { MathF.Round(a.FaceBox.X), MathF.Round(a.FaceBox.Y), MathF.Round(a.FaceBox.Width), MathF.Round(a.FaceBox.Height) },
                }));
            }
            else
            {
                Console.WriteLine($"{a.RaisedAt:HH:mm:ss} {a.Camera} track {a.TrackId}: possible match for {a.SubjectId} (score {a.Score:0.000}, at {a.FrameTime:0.0} s, {a.LatencyMs:0} ms) - for review");
            }
            return ValueTask.CompletedTask;
        }
    }
}
