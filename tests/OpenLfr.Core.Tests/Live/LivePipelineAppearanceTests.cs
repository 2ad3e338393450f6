using OpenLfr.Core.Live;
using OpenLfr.Core.Live.Evaluation;
using OpenLfr.Testing;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.Tests.Live;

/// <summary>
/// The pipeline's appearance check and re-link on a real capture (ffmpeg test pattern, every frame) with a scripted
/// analyzer: which face is where, and whose embedding it has, is set per frame, so the outcome is exact.
/// </summary>
public class LivePipelineAppearanceTests
{
    private static readonly float[] Alice = [1, 0, 0, 0];
    private static readonly float[] Bob = [0, 1, 0, 0];

    /// <summary>Per processed frame (0, 1, ...): the face's box and whose face it is, or null for no face.</summary>
    private sealed class ScriptedAnalyzer(Func<int, (BoxF Box, float[] Person)?> script) : ILiveFaceAnalyzer
    {
        private int _frame = -1;
        public List<float[]> Handed { get; } = [];

        public IReadOnlyList<LiveFace> Detect(RgbImage frame, RegionOfInterest roi)
        {
            _frame++;
            // Quality rises frame by frame so the track keeps wanting fresh samples (each better than its worst).
            return script(_frame) is { } f ? [new LiveFace(f.Box, 0.99f, 0.2f + 0.02f * _frame)] : [];
        }

        public IReadOnlyList<float[]> Embed(RgbImage frame, IReadOnlyList<LiveFace> faces)
        {
            var v = (float[])script(_frame)!.Value.Person.Clone();
            Handed.Add(v);
            return [v];
        }

        public void Dispose() { }
    }

    private sealed class AliceOnly : IWatchlistMatcher
    {
        public WatchlistHit? Best(float[] probe) => new("alice", "alice.jpg", probe.Zip(Alice, (a, b) => a * b).Sum());
    }

    private static async Task<(LivePipeline Pipeline, LiveRecorder Recorder, ListAlertSink Sink, ScriptedAnalyzer Analyzer)> RunAsync(
        Func<int, (BoxF, float[])?> script, double seconds)
    {
        using var dir = new TempDirectory("openlfr-appearance");
        var video = TestVideos.Pattern(dir.Path, seconds, 320, 240, 10);
        var analyzer = new ScriptedAnalyzer(script);
        var recorder = new LiveRecorder();
        var sink = new ListAlertSink();
        await using var capture = new CameraCapture(new CameraOptions { Name = "scripted", Source = video, Width = 320, Height = 240, Fps = 10, Lossless = true });
        var pipeline = new LivePipeline(capture, analyzer, new AliceOnly(), sink,
            new LivePipelineOptions { Threshold = 0.9f, RelinkSimilarity = 0.95f, SwitchSimilarity = 0.885f, Observer = recorder });
        await pipeline.RunAsync(CancellationToken.None);
        return (pipeline, recorder, sink, analyzer);
    }

    [Fact]
    public async Task A_track_that_jumps_to_another_person_is_split_and_the_first_persons_evidence_stays_behind()
    {
        // One face moving right; from frame 15 it is Bob's (the tracker followed Bob where Alice left off).
        var (pipeline, recorder, sink, analyzer) = await RunAsync(i => (new BoxF(20 + 3 * i, 100, 48, 48), i < 15 ? Alice : Bob), 3);

        Assert.Equal(1, pipeline.Splits);
        Assert.Equal(2, pipeline.Stats.Tracks);
        var split = Assert.Single(recorder.Splits);
        Assert.True(split.Similarity < 0.1f, $"similarity {split.Similarity}");
        // Alice alerted once, on her own track, before the jump; Bob's track never scores as Alice.
        var alert = Assert.Single(sink.Alerts);
        Assert.Equal(split.OldTrackId, alert.TrackId);
        Assert.True(alert.FrameTime < split.FrameTime);
        Assert.All(recorder.Searches.Where(s => s.TrackId == split.NewTrackId), s => Assert.True(s.Score < 0.1f));
        Assert.Contains(recorder.Searches, s => s.TrackId == split.NewTrackId);
        // Nothing of either track is held after the stream, and every embedding was zeroed.
        Assert.Equal(0, pipeline.TracksHoldingEvidence);
        Assert.All(analyzer.Handed, v => Assert.All(v, x => Assert.Equal(0f, x)));
    }

    [Fact]
    public async Task A_person_lost_for_a_moment_and_found_elsewhere_continues_the_same_track_and_is_not_alerted_twice()
    {
        // Alice for 1 s, no face for 1.5 s (longer than the tracker keeps a lost track), then Alice far to the right.
        var (pipeline, recorder, sink, analyzer) = await RunAsync(
            i => i < 10 ? (new BoxF(20 + 2 * i, 100, 48, 48), Alice) : i < 25 ? null : (new BoxF(240, 60, 48, 48), Alice), 4);

        Assert.Equal(1, pipeline.Stats.Relinks);
        Assert.Equal(1, pipeline.Stats.Tracks);
        Assert.Single(recorder.Faces.Select(f => f.TrackId).Distinct());
        Assert.Single(sink.Alerts);
        Assert.Equal(0, pipeline.TracksHoldingEvidence);
        Assert.All(analyzer.Handed, v => Assert.All(v, x => Assert.Equal(0f, x)));
    }

    [Fact]
    public async Task Without_re_link_the_same_gap_gives_two_tracks_and_two_alerts()
    {
        using var dir = new TempDirectory("openlfr-appearance");
        var video = TestVideos.Pattern(dir.Path, 4, 320, 240, 10);
        var analyzer = new ScriptedAnalyzer(i => i < 10 ? (new BoxF(20 + 2 * i, 100, 48, 48), Alice) : i < 25 ? null : (new BoxF(240, 60, 48, 48), Alice));
        var sink = new ListAlertSink();
        await using var capture = new CameraCapture(new CameraOptions { Name = "scripted", Source = video, Width = 320, Height = 240, Fps = 10, Lossless = true });
        var pipeline = new LivePipeline(capture, analyzer, new AliceOnly(), sink, new LivePipelineOptions { Threshold = 0.9f, RelinkSimilarity = null });
        await pipeline.RunAsync(CancellationToken.None);
        Assert.Equal(2, pipeline.Stats.Tracks);
        Assert.Equal(2, sink.Alerts.Count);
    }
}
