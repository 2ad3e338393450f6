using OpenLfr.Vision.Video;

namespace OpenLfr.Vision.Tests.Video;

public class FfmpegCaptureArgumentsTests
{
    private static string Line(string source, bool realTime = false, string transport = "tcp") =>
        string.Join(' ', FfmpegCaptureArguments.For(new CameraOptions { Name = "c", Source = source, Width = 640, Height = 360, Fps = 5, RealTime = realTime, RtspTransport = transport }));

    [Fact]
    public void Output_is_rgb24_rawvideo_at_the_detect_size_and_rate_on_stdout()
    {
        var line = Line("rtsp://cam/stream");
        Assert.Contains("-vf fps=5,scale=640:360", line);
        Assert.EndsWith("-f rawvideo -pix_fmt rgb24 pipe:1", line);
    }

    [Theory]
    [InlineData("rtsp://cam/s", CameraSourceKind.Rtsp)]
    [InlineData("http://cam/mjpeg", CameraSourceKind.Http)]
    [InlineData("https://cdn/live.m3u8", CameraSourceKind.Http)]
    [InlineData("tcp://127.0.0.1:9000", CameraSourceKind.Tcp)]
    [InlineData("/dev/video0", CameraSourceKind.V4l2)]
    [InlineData("/data/walk.mp4", CameraSourceKind.File)]
    public void Source_kind_is_inferred_from_the_url(string source, CameraSourceKind kind) =>
        Assert.Equal(kind, CameraOptions.KindOf(source));

    [Fact]
    public void Rtsp_uses_the_chosen_transport_and_a_socket_timeout()
    {
        Assert.Contains("-rtsp_transport udp -timeout", Line("rtsp://cam/s", transport: "udp"));
        Assert.Contains("-rtsp_transport tcp", Line("rtsp://cam/s"));
    }

    [Fact]
    public void Files_are_paced_only_when_real_time_is_asked_and_v4l2_sets_its_format()
    {
        Assert.Contains("-re -i /x.mp4", Line("/x.mp4", realTime: true));
        Assert.DoesNotContain("-re", Line("/x.mp4"));
        Assert.Contains("-f v4l2 -i /dev/video0", Line("/dev/video0"));
        Assert.Contains("-reconnect 1", Line("http://cam/mjpeg"));
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_the_setting_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new CameraOptions { Name = "door", Source = "rtsp://x", Width = 641 }.Validate());
        Assert.Contains("door", e.Message);
        Assert.Contains("641", e.Message);
        var missing = Assert.Throws<FileNotFoundException>(() => new CameraOptions { Name = "door", Source = "/no/such/file.mp4" }.Validate());
        Assert.Contains("/no/such/file.mp4", missing.Message);
    }
}
