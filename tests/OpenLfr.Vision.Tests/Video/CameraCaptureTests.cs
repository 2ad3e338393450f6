using OpenLfr.Testing;
using OpenLfr.Vision.Simulation;
using OpenLfr.Vision.Video;

namespace OpenLfr.Vision.Tests.Video;

public class CameraCaptureTests
{
    private static async Task<List<(long Seq, double T, byte Px)>> Drain(CameraCapture capture, TimeSpan limit)
    {
        var got = new List<(long, double, byte)>();
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            using var f = await capture.NextFrameAsync(TimeSpan.FromSeconds(1));
            if (f is null)
            {
                if (capture.IsCompleted) break;
                continue;
            }
            got.Add((f.Sequence, f.StreamTime, f.Image.Pixels[f.Image.Pixels.Length / 2]));
            capture.Stats.FrameProcessed();
        }
        return got;
    }

    [Fact]
    public async Task A_file_is_decoded_to_frames_at_the_detect_size_and_rate_and_completes_at_its_end()
    {
        using var dir = new TempDirectory();
        var video = TestVideos.Pattern(dir.Path, seconds: 2, width: 320, height: 240, fps: 10);
        await using var capture = new CameraCapture(new CameraOptions { Name = "file", Source = video, Width = 160, Height = 120, Fps = 5 });
        capture.Start();
        var frames = await Drain(capture, TimeSpan.FromSeconds(20));
        Assert.True(capture.IsCompleted);
        Assert.Null(capture.Error);
        var s = capture.Stats.Snapshot();
        // 2 s at 5 fps = 10 frames in; a fast reader may see a few of them dropped (newest wins), never more than arrived.
        Assert.InRange(s.FramesIn, 9, 11);
        Assert.Equal(s.FramesIn, frames.Count + s.Dropped);
        Assert.Equal(0, s.Restarts);
        Assert.Equal(frames.OrderBy(f => f.Seq).Select(f => f.Seq), frames.Select(f => f.Seq));
        Assert.Equal(160 * 120 * 3, capture.Frames.Width * capture.Frames.Height * 3);
        Assert.InRange(frames[^1].T, 1.5, 2.01);
    }

    [Fact]
    public async Task An_unreadable_file_ends_the_stream_with_ffmpegs_message()
    {
        using var dir = new TempDirectory();
        var bad = Path.Combine(dir.Path, "not-a-video.mp4");
        await File.WriteAllTextAsync(bad, "this is not a video");
        await using var capture = new CameraCapture(new CameraOptions { Name = "bad", Source = bad, Width = 160, Height = 120 });
        capture.Start();
        var frames = await Drain(capture, TimeSpan.FromSeconds(20));
        Assert.Empty(frames);
        Assert.NotNull(capture.Error);
        Assert.Contains("not-a-video.mp4", capture.Error);
    }

    [Fact]
    public async Task A_slow_consumer_sees_drops_but_the_pool_keeps_its_size()
    {
        using var dir = new TempDirectory();
        var video = TestVideos.Pattern(dir.Path, seconds: 2, width: 320, height: 240, fps: 25);
        await using var capture = new CameraCapture(new CameraOptions { Name = "slow", Source = video, Width = 160, Height = 120, Fps = 25, PoolSize = 3 });
        capture.Start();
        var processed = 0;
        while (true)
        {
            using var f = await capture.NextFrameAsync(TimeSpan.FromSeconds(2));
            if (f is null) { if (capture.IsCompleted) break; continue; }
            processed++;
            await Task.Delay(100); // ~10 fps of "work" against a source decoded as fast as possible
        }
        var s = capture.Stats.Snapshot();
        Assert.Equal(50, s.FramesIn);
        Assert.True(s.Dropped > 10, $"expected drops, got {s.Dropped}");
        Assert.Equal(s.FramesIn, processed + s.Dropped);
    }

    [Fact]
    public async Task A_live_stream_that_drops_and_returns_is_restarted_by_the_watchdog()
    {
        using var dir = new TempDirectory();
        var video = TestVideos.Pattern(dir.Path, seconds: 4, width: 320, height: 240, fps: 10);
        using var server = new SimulatedCameraServer(video, loop: true);
        server.Start();
        await using var capture = new CameraCapture(new CameraOptions
        {
            Name = "live", Source = server.Url, Width = 160, Height = 120, Fps = 10,
            StallTimeout = TimeSpan.FromSeconds(2), InitialBackoff = TimeSpan.FromMilliseconds(200),
        });
        capture.Start();
        var before = await Drain(capture, TimeSpan.FromSeconds(2));
        Assert.NotEmpty(before);

        server.Stop();
        await Task.Delay(1500);
        server.Start();
        var after = await Drain(capture, TimeSpan.FromSeconds(6));
        var s = capture.Stats.Snapshot();
        Assert.True(s.Restarts >= 1, $"restarts {s.Restarts}; log: {capture.Log.Tail(10)}");
        Assert.True(after.Count > 10, $"frames after return {after.Count}; log: {capture.Log.Tail(10)}");
        Assert.True(after[0].Seq > before[^1].Seq);
    }
}
