using OpenLfr.Testing;
using OpenLfr.Vision.Simulation;
using OpenLfr.Vision.Video;

namespace OpenLfr.Vision.Tests.Simulation;

public class WalkPastSimulatorTests
{
    private static SimulationOptions Options(string dir, int seed = 7) => new()
    {
        Dataset = SharedData.PathOf("datasets/lfw"),
        OutputVideo = Path.Combine(dir, $"walk-{seed}.mp4"),
        TruthFile = Path.Combine(dir, $"truth-{seed}.json"),
        WatchlistOutput = Path.Combine(dir, $"watchlist-{seed}"),
        People = 3,
        Watchlisted = 1,
        Width = 320,
        Height = 180,
        Fps = 5,
        Seed = seed,
        MinVisibleSeconds = 2,
        MaxVisibleSeconds = 3,
    };

    [RequiresSharedDataFact("datasets/lfw")]
    public async Task Writes_a_video_ground_truth_and_a_watchlist_with_a_different_photo()
    {
        using var dir = new TempDirectory();
        var o = Options(dir.Path);
        var result = WalkPastSimulator.Run(o);

        var truth = GroundTruth.Load(o.TruthFile);
        Assert.Equal(3, truth.People.Count);
        Assert.Equal(1, truth.People.Count(p => p.Watchlisted));
        Assert.Equal(3, truth.People.Select(p => p.Identity).Distinct().Count());
        var listed = truth.People.Single(p => p.Watchlisted);
        var folder = Assert.Single(Directory.GetDirectories(o.WatchlistOutput!));
        Assert.Equal(listed.Identity, Path.GetFileName(folder));
        var photo = Assert.Single(Directory.GetFiles(folder));
        Assert.NotEqual(Path.GetFileName(listed.ShownImage), Path.GetFileName(photo));

        foreach (var p in truth.People)
        {
            Assert.NotEmpty(p.Appears);
            Assert.NotEmpty(p.Boxes);
            Assert.All(p.Boxes, b => Assert.True(b[1] >= 0 && b[2] >= 0 && b[1] + b[3] <= 320.01 && b[2] + b[4] <= 180.01 && b[3] > 10));
            Assert.All(p.Boxes, b => Assert.Contains(p.Appears, a => b[0] >= a[0] && b[0] <= a[1]));
        }

        // The video decodes to the stated number of frames, and a truth box holds more detail (a face) than the plain wall.
        await using var capture = new CameraCapture(new CameraOptions { Name = "sim", Source = o.OutputVideo, Width = 320, Height = 180, Fps = 5, PoolSize = 64 });
        capture.Start();
        var frames = new List<byte[]>();
        while (true)
        {
            using var f = await capture.NextFrameAsync(TimeSpan.FromSeconds(5));
            if (f is null) { if (capture.IsCompleted) break; continue; }
            frames.Add((byte[])f.Image.Pixels.Clone());
        }
        Assert.Equal(result.Frames, frames.Count + (int)capture.Stats.Snapshot().Dropped);
        var box = listed.Boxes[listed.Boxes.Count / 2];
        var index = (int)Math.Round(box[0] * 5);
        if (index < frames.Count)
            Assert.True(Contrast(frames[index], (int)box[1], (int)box[2], (int)box[3], (int)box[4]) > 15, "expected a textured face inside the truth box");
    }

    [RequiresSharedDataFact("datasets/lfw")]
    public void The_same_seed_gives_the_same_truth_and_another_seed_does_not()
    {
        using var dir = new TempDirectory();
        var a = WalkPastSimulator.Run(Options(dir.Path, 11) with { OutputVideo = Path.Combine(dir.Path, "a.mp4"), TruthFile = Path.Combine(dir.Path, "a.json"), WatchlistOutput = null });
        var b = WalkPastSimulator.Run(Options(dir.Path, 11) with { OutputVideo = Path.Combine(dir.Path, "b.mp4"), TruthFile = Path.Combine(dir.Path, "b.json"), WatchlistOutput = null });
        var c = WalkPastSimulator.Run(Options(dir.Path, 12) with { OutputVideo = Path.Combine(dir.Path, "c.mp4"), TruthFile = Path.Combine(dir.Path, "c.json"), WatchlistOutput = null });
        string Norm(GroundTruth t) => (t with { Video = "" }).ToJson();
        Assert.Equal(Norm(a.Truth), Norm(b.Truth));
        Assert.NotEqual(Norm(a.Truth), Norm(c.Truth));
    }

    [Fact]
    public void A_missing_dataset_folder_is_reported_with_its_path()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => WalkPastSimulator.Run(new SimulationOptions { Dataset = "/no/such/lfw", OutputVideo = "/tmp/x.mp4", TruthFile = "/tmp/x.json" }));
        Assert.Contains("/no/such/lfw", e.Message);
    }

    private static double Contrast(byte[] rgb, int x, int y, int w, int h)
    {
        const int width = 320;
        double sum = 0, sq = 0;
        var n = 0;
        for (var yy = y; yy < y + h && yy < 180; yy++)
        for (var xx = x; xx < x + w && xx < width; xx++)
        {
            var v = rgb[(yy * width + xx) * 3 + 1];
            sum += v; sq += v * v; n++;
        }
        var mean = sum / n;
        return Math.Sqrt(sq / n - mean * mean);
    }
}
