namespace OpenLfr.Vision.Video;

/// <summary>How ffmpeg reaches a camera; decides the input options (transport, timeouts, pacing).</summary>
public enum CameraSourceKind
{
    /// <summary>A local video file; finite, so its end is the end of the stream, not a failure.</summary>
    File,
    /// <summary>rtsp:// or rtsps://, over TCP or UDP.</summary>
    Rtsp,
    /// <summary>http(s):// serving MJPEG, HLS (.m3u8) or any container ffmpeg can read progressively.</summary>
    Http,
    /// <summary>tcp://host:port carrying a raw container stream (e.g. MPEG-TS).</summary>
    Tcp,
    /// <summary>A V4L2 capture device such as /dev/video0.</summary>
    V4l2,
}
