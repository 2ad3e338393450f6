using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenLfr.Testing;

/// <summary>
/// Serves a video file as a live stream on 127.0.0.1 with a real ffmpeg (<c>-re</c>, MPEG-TS over a
/// TCP listener), so capture code is tested against a live source that can be stopped and restarted.
/// </summary>
public sealed class LoopbackStreamServer : IDisposable
{
    private readonly string _file;
    private readonly bool _loop;
    private Process? _process;

    public LoopbackStreamServer(string file, bool loop = false)
    {
        _file = file;
        _loop = loop;
        Port = FreePort();
    }

    public int Port { get; }

    /// <summary>The URL a client gives ffmpeg: tcp://127.0.0.1:port.</summary>
    public string Url => $"tcp://127.0.0.1:{Port}";

    /// <summary>Starts (or restarts) ffmpeg listening on the port; it streams once a client connects.</summary>
    public void Start()
    {
        Stop();
        var psi = new ProcessStartInfo(TestVideos.Ffmpeg) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-re" }) psi.ArgumentList.Add(a);
        if (_loop) { psi.ArgumentList.Add("-stream_loop"); psi.ArgumentList.Add("-1"); }
        foreach (var a in new[] { "-i", _file, "-an", "-c:v", "copy", "-f", "mpegts", $"tcp://127.0.0.1:{Port}?listen=1" })
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        // Wait until the listener is up so the client's first connect succeeds.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && !IsListening()) Thread.Sleep(20);
    }

    /// <summary>Kills the server: connected clients see the stream end.</summary>
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
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    private bool IsListening()
    {
        // Probing with a connect would consume ffmpeg's single accept; look at the kernel's listen table instead.
        var hex = Port.ToString("X4");
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cols.Length > 3 && cols[1].EndsWith(":" + hex, StringComparison.Ordinal) && cols[3] == "0A") return true;
            }
        }
        return false;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
