using System.Diagnostics;
using System.Globalization;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Media;

namespace OpenLfr.Vision.Simulation;

/// <summary>
/// Decodes an image file to RGB with ffprobe (size) and ffmpeg (pixels). The simulator's own small
/// decoder, so it does not depend on the analysis pipeline's image loading.
/// </summary>
internal static class ImageFileDecoder
{
    public static RgbImage Decode(string path)
    {
        var probe = Run(FfmpegTool.Ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", path], out var probeErr);
        var dims = System.Text.Encoding.ASCII.GetString(probe).Trim().Split('x');
        if (dims.Length != 2 || !int.TryParse(dims[0], CultureInfo.InvariantCulture, out var w) || !int.TryParse(dims[1], CultureInfo.InvariantCulture, out var h))
            throw new InvalidDataException($"Cannot read image {path}: {probeErr.Trim()}");
        var pixels = Run(FfmpegTool.Ffmpeg, ["-v", "error", "-nostdin", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], out var err);
        if (pixels.Length != w * h * 3) throw new InvalidDataException($"Cannot decode image {path}: {err.Trim()}");
        return new RgbImage(w, h, pixels);
    }

    private static byte[] Run(string exe, string[] args, out string stderr)
    {
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        stderr = err.Result;
        return p.ExitCode == 0 ? ms.ToArray() : [];
    }
}
