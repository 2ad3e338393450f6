using OpenLfr.Testing;

namespace OpenLfr.Cli.Tests.Commands;

public class LiveCommandsTests
{
    [Fact]
    public void Simulate_rejects_a_bad_size_naming_the_expected_form()
    {
        var r = CliRunner.Run(["simulate", "--dataset", "/tmp", "--out", "/tmp/x.mp4", "--truth", "/tmp/x.json", "--size", "big"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("expected WxH", r.Stderr);
    }

    [Fact]
    public void Simulate_reports_a_missing_dataset_folder()
    {
        var r = CliRunner.Run(["simulate", "--dataset", "/no/such/dataset", "--out", "/tmp/x.mp4", "--truth", "/tmp/x.json"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/no/such/dataset", r.Stderr);
    }

    [Fact]
    public void Watch_reports_a_missing_source_file_and_a_bad_region()
    {
        var missing = CliRunner.Run(["watch", "--source", "/no/such/video.mp4", "--watchlist", "/tmp"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("/no/such/video.mp4", missing.Stderr);

        using var dir = new TempDirectory();
        var video = TestVideos.Pattern(dir.Path, seconds: 1);
        var roi = CliRunner.Run(["watch", "--source", video, "--watchlist", dir.Path, "--roi", "1,2,3"]);
        Assert.Equal(2, roi.ExitCode);
        Assert.Contains("x,y,w,h", roi.Stderr);
        var list = CliRunner.Run(["watch", "--source", video, "--watchlist", "/no/such/watchlist"]);
        Assert.Equal(2, list.ExitCode);
        Assert.Contains("/no/such/watchlist", list.Stderr);
    }

    [Fact]
    public void Evaluate_live_names_a_missing_truth_file_and_a_bad_threshold_range()
    {
        var missing = CliRunner.Run(["evaluate-live", "--truth", "/no/such/truth.json", "--watchlist", "/tmp"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("/no/such/truth.json", missing.Stderr);

        using var dir = new TempDirectory();
        var truth = WriteTruth(dir.Path);
        var bad = CliRunner.Run(["evaluate-live", "--truth", truth, "--alerts", truth, "--thresholds", "0.9:0.8:0.01"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("FROM:TO:STEP", bad.Stderr);
    }

    [Fact]
    public void Evaluate_live_scores_watch_alerts_against_the_ground_truth_per_threshold()
    {
        using var dir = new TempDirectory();
        var truth = WriteTruth(dir.Path);
        // Two alerts as `lfr watch --json` prints them: Ann on Ann's face (right) and Ann on Bob's face (a passer-by).
        var alerts = Path.Combine(dir.Path, "alerts.jsonl");
        File.WriteAllLines(alerts,
        [
            """{"time":"2026-11-22T07:00:00Z","camera":"c","track":1,"subject":"Ann","score":0.97,"frame_time":0.2,"latency_ms":100,"box":[102,99,60,61]}""",
            """{"time":"2026-11-22T07:00:00Z","camera":"c","track":2,"subject":"Ann","score":0.95,"frame_time":0.3,"latency_ms":100,"box":[398,101,59,60]}""",
            """{"frames_in":10,"frames_processed":10}""",
        ]);
        var r = CliRunner.Run(["evaluate-live", "--truth", truth, "--alerts", alerts, "--thresholds", "0.94,0.96"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0.9400 | 1 | 1 (0 / 1 / 0) | 1 of 1 (100 %)", r.Stdout);
        Assert.Contains("0.9600 | 1 | 0 (0 / 0 / 0) | 1 of 1 (100 %)", r.Stdout);
        Assert.Contains("highest wrong-person score 0.9500", r.Stdout);
    }

    /// <summary>Ground truth of a 1 s, 10 fps video: Ann (watchlisted) on the left, Bob (not) on the right.</summary>
    private static string WriteTruth(string dir)
    {
        var video = Path.Combine(dir, "walk.mp4");
        File.WriteAllBytes(video, [0]);
        static string Boxes(int x) => string.Join(",", Enumerable.Range(0, 10).Select(i => $"[{i / 10.0:0.0},{x},100,60,60]"));
        var path = Path.Combine(dir, "truth.json");
        File.WriteAllText(path, $$"""
            {"video":"{{video}}","fps":10,"width":640,"height":360,"duration":1,"people":[
             {"identity":"Ann","watchlisted":true,"shown_image":"Ann_1.jpg","appears":[[0,1]],"boxes":[{{Boxes(100)}}]},
             {"identity":"Bob","watchlisted":false,"shown_image":"Bob_1.jpg","appears":[[0,1]],"boxes":[{{Boxes(400)}}]}]}
            """);
        return path;
    }
}
