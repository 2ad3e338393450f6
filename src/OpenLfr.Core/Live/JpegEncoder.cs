using System.Diagnostics;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Media;

namespace OpenLfr.Core.Live;

/// <summary>
/// Encodes an RGB image to JPEG with ffmpeg through pipes (no temporary files, so no biometric data
/// touches the disk). Used only for alerts, which are rare.
/// </summary>
internal static class JpegEncoder
{
    public static byte[] Encode(RgbImage image, int quality = 3)
    {
        var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{image.Width}x{image.Height}", "-i", "pipe:0",
                     "-frames:v", "1", "-c:v", "mjpeg", "-q:v", quality.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "image2pipe", "pipe:1" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var output = new MemoryStream();
        var read = p.StandardOutput.BaseStream.CopyToAsync(output);
        p.StandardInput.BaseStream.Write(image.Pixels);
        p.StandardInput.Close();
        read.Wait();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new IOException($"ffmpeg could not encode a {image.Width}x{image.Height} JPEG: {stderr.Result.Trim()}");
        return output.ToArray();
    }
}
