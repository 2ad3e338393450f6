using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OpenLfr.Vision.Media;

namespace OpenLfr.Vision.Simulation;

/// <summary>
/// A network camera stand-in: a real ffmpeg serving a video file as a live stream on 127.0.0.1
/// (<c>-re</c>, so frames arrive at the video's own rate; MPEG-TS over a TCP listener). Capture code,
/// benchmarks and tests connect to <see cref="Url"/> as they would to a camera. The server can be stopped
/// and started again on the same port, as a camera drops off the network and returns. Not thread-safe.
/// </summary>
public sealed class SimulatedCameraServer : IDisposable
{
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(5);
    private readonly string _video;
    private readonly bool _loop;
    private Process? _process;

    /// <param name="video">The file to serve (any container ffmpeg reads; the video stream is copied, not re-encoded).</param>
    /// <param name="loop">Serve the file over and over instead of once.</param>
    public SimulatedCameraServer(string video, bool loop = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        _video = video;
        _loop = loop;
        Port = FreePort();
    }

    /// <summary>The loopback port, fixed for the server's lifetime (kept across restarts).</summary>
    public int Port { get; }

    /// <summary>What a client gives ffmpeg: <c>tcp://127.0.0.1:port</c>.</summary>
    public string Url => $"tcp://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Starts (or restarts) ffmpeg listening on <see cref="Port"/>; it streams to the first client that
    /// connects. Returns once the listener is up, so that client's first connect succeeds.
    /// </summary>
    /// <exception cref="FileNotFoundException">The video, or ffmpeg, is missing.</exception>
    public void Start()
    {
        if (!File.Exists(_video)) throw new FileNotFoundException($"Cannot serve {_video}: the file does not exist.", _video);
        Stop();
        var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-re" }) psi.ArgumentList.Add(a);
        if (_loop) { psi.ArgumentList.Add("-stream_loop"); psi.ArgumentList.Add("-1"); }
        foreach (var a in new[] { "-i", _video, "-an", "-c:v", "copy", "-f", "mpegts", $"{Url}?listen=1" })
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi) ?? throw new IOException($"Cannot start ffmpeg to serve {_video}.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + ListenTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited && !IsListening()) Thread.Sleep(20);
    }

    /// <summary>Kills the server: a connected client sees the stream end.</summary>
    public void Stop()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    private bool IsListening()
    {
        // Probing with a connect would use up ffmpeg's single accept; read the kernel's table of listening sockets instead.
        var tables = new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).ToList();
        if (tables.Count == 0)
        {
            Thread.Sleep(500); // no /proc (not Linux): give the listener time to come up
            return true;
        }
        var port = ":" + Port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in tables)
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cols.Length > 3 && cols[1].EndsWith(port, StringComparison.Ordinal) && cols[3] == "0A") return true; // 0A = LISTEN
            }
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
