using System.Diagnostics;
using OpenLfr.Testing;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Media;

namespace OpenLfr.Vision.Tests.Pipeline;

/// <summary>Every n-th frame of a shared clip, decoded with ffmpeg (as PNG files in a temporary folder).</summary>
internal static class ClipFrames
{
    public static List<(int Index, RgbImage Image)> Read(string clip, int every)
    {
        var dir = Path.Combine(Path.GetTempPath(), "openlfr-clip-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg) { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-v", "error", "-i", SharedData.PathOf("videos/" + clip), "-vf", $"select=not(mod(n\\,{every}))", "-vsync", "0", Path.Combine(dir, "%04d.png") })
                psi.ArgumentList.Add(a);
            using (var p = Process.Start(psi)!)
            {
                var err = p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not read {clip}: {err}");
            }
            return Directory.GetFiles(dir, "*.png").Order(StringComparer.Ordinal)
                .Select((f, i) => (i * every, ImageDecoder.Default.Decode(f))).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
