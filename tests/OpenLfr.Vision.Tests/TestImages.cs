using System.Diagnostics;
using OpenLfr.Vision.Media;

namespace OpenLfr.Vision.Tests;

/// <summary>Writes real image files with ffmpeg (its test pattern) into a temporary folder.</summary>
internal sealed class TestImages : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "openlfr-vision-tests-" + Guid.NewGuid().ToString("N"));

    public TestImages() => System.IO.Directory.CreateDirectory(Directory);

    /// <summary>An ffmpeg testsrc picture of the given size encoded to the file's extension.</summary>
    public string Make(string fileName, int width, int height, string? pixelFormat = null)
    {
        var path = Path.Combine(Directory, fileName);
        var args = new List<string> { "-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=1", "-frames:v", "1" };
        if (pixelFormat is not null) { args.Add("-pix_fmt"); args.Add(pixelFormat); }
        args.Add(path);
        Run(args);
        return path;
    }

    /// <summary>Re-encodes <paramref name="source"/> through an ffmpeg video filter (e.g. <c>transpose=cclock</c>).</summary>
    public string Filter(string source, string fileName, string filter)
    {
        var path = Path.Combine(Directory, fileName);
        Run(["-hide_banner", "-v", "error", "-y", "-i", source, "-vf", filter, "-q:v", "2", "-frames:v", "1", path]);
        return path;
    }

    public string Write(string fileName, byte[] bytes)
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Run(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("ffmpeg failed: " + err);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
