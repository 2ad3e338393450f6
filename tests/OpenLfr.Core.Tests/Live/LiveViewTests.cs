using System.Collections.Concurrent;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Live;
using OpenLfr.Testing;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Video;
using Xunit.Abstractions;

namespace OpenLfr.Core.Tests.Live;

[Collection(RealTimeTestCollection.Name)]
public class LiveViewTests(ITestOutputHelper output)
{
    private static readonly BoxF Bystander = new(60, 60, 60, 72);
    private static readonly BoxF Alerted = new(300, 80, 60, 72);

    [Fact]
    public void Faces_that_are_not_alerts_are_pixelated_and_the_rest_of_the_frame_is_intact()
    {
        var frame = Textured(480, 270);
        var view = new LiveView();
        view.Offer(frame, DateTimeOffset.UtcNow, RegionOfInterest.Full(480, 270), [Bystander, Alerted], [Alerted]);

        var live = view.Latest()!;
        var shown = ImageDecoder.Default.Decode(live.Jpeg, "live view");
        Assert.Equal((480, 270), (shown.Width, shown.Height));
        Assert.Equal((480, 270), (live.Width, live.Height));
        output.WriteLine($"bystander detail {Detail(shown, Bystander):0.0} (was {Detail(frame, Bystander):0.0}), alerted {Detail(shown, Alerted):0.0} (was {Detail(frame, Alerted):0.0}), jpeg {live.Jpeg.Length} bytes");
        Assert.True(Detail(shown, Bystander) < 0.25 * Detail(frame, Bystander), "the bystander's face still shows its detail");
        Assert.True(Detail(shown, Alerted) > 0.7 * Detail(frame, Alerted), "the alerted face was blurred");
        Assert.True(MeanAbsDiff(shown, frame, Alerted) < 8);
        // Away from the bystander (and its margin) the picture is the frame, give or take JPEG.
        Assert.True(MeanAbsDiff(shown, frame, new BoxF(200, 0, 280, 270)) < 8);
        Assert.True(MeanAbsDiff(shown, frame, new BoxF(0, 180, 480, 90)) < 8);
    }

    [Fact]
    public void Encodes_lazily_at_most_once_per_kept_frame_and_forgets_on_clear()
    {
        var clock = new ManualClock();
        var view = new LiveView(minInterval: TimeSpan.FromSeconds(30), time: clock);
        Assert.Null(view.Latest());
        var t0 = DateTimeOffset.UtcNow;
        view.Offer(Textured(1280, 720), t0, RegionOfInterest.Full(1280, 720), [], []);
        Assert.Equal(0, view.Encodes);
        var first = view.Latest()!;
        Assert.Same(first, view.Latest());
        Assert.Equal(1, view.Encodes);
        Assert.Equal((640, 360), (first.Width, first.Height));
        Assert.Equal(t0.UtcDateTime, first.CapturedUtc);

        // Within the interval newer frames are not even copied.
        Assert.False(view.Wants);
        view.Offer(Textured(1280, 720), t0.AddSeconds(1), RegionOfInterest.Full(1280, 720), [], []);
        Assert.Same(first, view.Latest());

        // Once the interval has passed, the next frame is kept again.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(view.Wants);

        view.Clear();
        Assert.Null(view.Latest());
    }

    /// <summary>A clock that moves only when told, so the rate limit is tested without depending on the machine's speed.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = TimeSpan.TicksPerHour;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => _ticks;
        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Fact]
    public void Outside_the_region_of_interest_everything_is_pixelated()
    {
        var frame = Textured(480, 270);
        var view = new LiveView();
        view.Offer(frame, DateTimeOffset.UtcNow, new RegionOfInterest(120, 0, 240, 270), [], []);
        var shown = ImageDecoder.Default.Decode(view.Latest()!.Jpeg, "live view");
        Assert.True(Detail(shown, new BoxF(0, 0, 110, 270)) < 0.25 * Detail(frame, new BoxF(0, 0, 110, 270)));
        Assert.True(Detail(shown, new BoxF(370, 0, 110, 270)) < 0.25 * Detail(frame, new BoxF(370, 0, 110, 270)));
        Assert.True(MeanAbsDiff(shown, frame, new BoxF(130, 0, 220, 270)) < 8);
    }

    /// <summary>
    /// A real clip through the real capture and pipeline, with faces placed by the test (so it needs no models):
    /// the live view shows the alerted track's face, pixelates the other, and is dropped when the camera stops.
    /// </summary>
    [RequiresSharedDataFact("videos/face-demographics-walking.mp4")]
    public async Task The_pipeline_shows_the_alerted_face_and_pixelates_the_other_one()
    {
        // Both boxes lie where the two people walk, so both hold detail (one to remove, one to keep).
        BoxF bystander = new(285, 100, 60, 72), alerted = new(195, 100, 60, 72);
        var analyzer = new FixedFacesAnalyzer([bystander, alerted], alerted);
        var sink = new ListAlertSink();
        await using var capture = new CameraCapture(new CameraOptions
        {
            Name = "clip", Source = SharedData.PathOf("videos/face-demographics-walking.mp4"), Width = 480, Height = 270, Fps = 12, RealTime = true,
        });
        var pipeline = new LivePipeline(capture, analyzer, new FirstAxisWatchlist(), sink);
        var run = pipeline.RunAsync(CancellationToken.None);

        LiveFrame? live = null;
        while (!run.IsCompleted)
        {
            await Task.Delay(10);
            // The alerting frame itself is offered to the view after the alert (with the alerted face kept), so it counts.
            if (sink.Alerts.TryPeek(out var alert) && pipeline.View.Latest() is { } f && f.CapturedUtc >= alert.FrameArrivedAt.UtcDateTime) live = f;
        }
        await run;
        Assert.Single(sink.Alerts);
        Assert.NotNull(live);
        Assert.Null(pipeline.View.Latest()); // the camera stopped: nothing kept

        var shown = ImageDecoder.Default.Decode(live.Jpeg, "live view");
        // The picture is one of the frames the pipeline processed: find it by the area away from both faces.
        var away = new BoxF(0, 0, 160, 270);
        var original = analyzer.Frames.MinBy(f => MeanAbsDiff(shown, f, away))!;
        output.WriteLine($"frames {analyzer.Frames.Count}; away diff {MeanAbsDiff(shown, original, away):0.0}; bystander detail {Detail(shown, bystander):0.0} (was {Detail(original, bystander):0.0}); alerted detail {Detail(shown, alerted):0.0} (was {Detail(original, alerted):0.0}), diff {MeanAbsDiff(shown, original, alerted):0.0}");
        Assert.True(MeanAbsDiff(shown, original, away) < 8);
        Assert.True(MeanAbsDiff(shown, original, alerted) < 8);
        Assert.True(Detail(shown, alerted) > 0.7 * Detail(original, alerted), "the alerted face was blurred");
        // Measured 1.7 vs 5.2: what is left are the edges between the coarse blocks (people's clothes differ block to block).
        Assert.True(Detail(shown, bystander) < 0.5 * Detail(original, bystander), "the bystander's face still shows its detail");
    }

    /// <summary>A busy, JPEG-friendly pattern (detail a pixelation must remove).</summary>
    private static RgbImage Textured(int width, int height)
    {
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var v = 128 + 100 * Math.Sin(x * 2 * Math.PI / 9) * Math.Cos(y * 2 * Math.PI / 11);
            var o = (y * width + x) * 3;
            image.Pixels[o] = (byte)v; image.Pixels[o + 1] = (byte)(255 - v); image.Pixels[o + 2] = (byte)((v + x) % 256);
        }
        return image;
    }

    /// <summary>Mean absolute difference of horizontally adjacent pixels inside the box: high for detail, near 0 once pixelated.</summary>
    private static double Detail(RgbImage image, BoxF box)
    {
        double sum = 0; long n = 0;
        for (var y = (int)box.Y; y < (int)box.Bottom; y++)
        for (var x = (int)box.X; x < (int)box.Right - 1; x++)
        for (var c = 0; c < 3; c++)
        {
            var o = (y * image.Width + x) * 3 + c;
            sum += Math.Abs(image.Pixels[o] - image.Pixels[o + 3]); n++;
        }
        return sum / n;
    }

    private static double MeanAbsDiff(RgbImage a, RgbImage b, BoxF box)
    {
        double sum = 0; long n = 0;
        for (var y = (int)box.Y; y < (int)box.Bottom; y++)
        for (var x = (int)box.X; x < (int)box.Right; x++)
        for (var c = 0; c < 3; c++)
        {
            var o = (y * a.Width + x) * 3 + c;
            sum += Math.Abs(a.Pixels[o] - b.Pixels[o]); n++;
        }
        return sum / n;
    }

    /// <summary>Finds the same faces in every frame (keeping a copy of each frame); embeds <paramref name="watched"/> as [1,0], others as [0,1].</summary>
    private sealed class FixedFacesAnalyzer(BoxF[] boxes, BoxF watched) : ILiveFaceAnalyzer
    {
        public ConcurrentQueue<RgbImage> Frames { get; } = new();

        public IReadOnlyList<LiveFace> Detect(RgbImage frame, RegionOfInterest roi)
        {
            Frames.Enqueue(new RgbImage(frame.Width, frame.Height, (byte[])frame.Pixels.Clone()));
            return boxes.Select(b => new LiveFace(b, 0.99f, 0.9f)).ToList();
        }

        public IReadOnlyList<float[]> Embed(RgbImage frame, IReadOnlyList<LiveFace> faces) =>
            faces.Select(f => f.Box == watched ? new[] { 1f, 0f } : new[] { 0f, 1f }).ToList();

        public void Dispose() { }
    }

    private sealed class FirstAxisWatchlist : IWatchlistMatcher
    {
        public WatchlistHit? Best(float[] probe) => probe[0] > 0.9f ? new WatchlistHit("subject-a", "image-1", probe[0]) : null;
    }
}
