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
}
