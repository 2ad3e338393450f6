using System.Diagnostics;

namespace OpenLfr.Testing;

/// <summary>Small synthetic videos made with ffmpeg's test sources, written to a temp folder per test.</summary>
public static class TestVideos
{
    public static string Ffmpeg { get; } = Locate();

    /// <summary>An H.264 MP4 of ffmpeg's moving test pattern.</summary>
    public static string Pattern(string directory, double seconds = 2, int width = 320, int height = 240, int fps = 10)
    {
        var path = Path.Combine(directory, $"pattern-{width}x{height}-{fps}-{seconds}.mp4");
        Run("-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
            "-i", $"testsrc2=size={width}x{height}:rate={fps}", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "ultrafast", "-g", fps.ToString(System.Globalization.CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p", path);
        return path;
    }

    public static void Run(params string[] args)
    {
        var psi = new ProcessStartInfo(Ffmpeg) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed: {err}");
    }

    private static string Locate()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "ffmpeg");
            if (File.Exists(candidate)) return candidate;
        }
        return "/usr/bin/ffmpeg";
    }
}
