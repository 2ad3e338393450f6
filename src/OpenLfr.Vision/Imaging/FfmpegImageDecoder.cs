using System.Diagnostics;
using System.Text;
using OpenLfr.Vision.Media;

namespace OpenLfr.Vision.Imaging;

/// <summary>
/// Decodes any image format ffmpeg knows (JPEG, PNG, BMP, WebP, ...) to rgb24 through one ffmpeg
/// subprocess per image, reading a PAM stream (self-describing: the header carries the size).
/// Thread-safe; each call is its own process.
/// </summary>
internal static class FfmpegImageDecoder
{
    /// <param name="applyDisplayRotation">
    /// Let ffmpeg turn the picture by the rotation it reports (for JPEG: the EXIF Orientation tag; PNG and
    /// WebP report none in ffmpeg 5.1). False gives the stored pixels as they are.
    /// </param>
    public static RgbImage Decode(byte[] data, string name, ImageDecodeLimits limits, bool applyDisplayRotation)
    {
        var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -err_detect explode + -xerror: a truncated or damaged file is an error, not a half-grey picture.
        foreach (var a in new[] { "-hide_banner", "-v", "error", "-nostdin", "-err_detect", "explode", "-xerror" })
            psi.ArgumentList.Add(a);
        if (!applyDisplayRotation) psi.ArgumentList.Add("-noautorotate"); // an input option: before -i
        foreach (var a in new[] { "-i", "pipe:0", "-frames:v", "1", "-f", "image2pipe", "-vcodec", "pam", "-pix_fmt", "rgb24", "pipe:1" })
            psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new ImageDecodeException(name, "could not start ffmpeg.");
        var stderr = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            try
            {
                process.StandardInput.BaseStream.Write(data);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // ffmpeg stopped reading (it rejected the data); its stderr says why.
            }
        });
        try
        {
            var stdout = process.StandardOutput.BaseStream;
            var header = PamHeader.TryRead(stdout);
            if (header is null)
            {
                process.WaitForExit();
                throw new ImageDecodeException(name, $"not a decodable image ({Describe(stderr.Result)}). Supported: JPEG, PNG, BMP, WebP and other formats ffmpeg reads.");
            }
            var (width, height) = header.Value;
            if ((long)width * height > limits.MaxPixels)
            {
                process.Kill();
                throw new ImageDecodeException(name, $"image is {width}x{height} = {(long)width * height} pixels, over the limit of {limits.MaxPixels}.");
            }
            var pixels = new byte[checked(width * height * 3)];
            stdout.ReadExactly(pixels);
            process.WaitForExit();
            writer.Wait();
            if (process.ExitCode != 0)
                throw new ImageDecodeException(name, $"corrupt or truncated image ({Describe(stderr.Result)}).");
            return new RgbImage(width, height, pixels);
        }
        catch (EndOfStreamException e)
        {
            process.WaitForExit();
            throw new ImageDecodeException(name, $"corrupt or truncated image ({Describe(stderr.Result)}).", e);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    private static string Describe(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) return "ffmpeg produced no picture";
        // ffmpeg's last line is usually the summary ("Invalid data found when processing input").
        var text = lines[^1];
        var colon = text.IndexOf("pipe:0: ", StringComparison.Ordinal);
        if (colon >= 0) text = text[(colon + 8)..];
        return "ffmpeg: " + text;
    }

    /// <summary>Parses the PAM (P7) header ffmpeg writes: WIDTH, HEIGHT, DEPTH 3, MAXVAL 255, TUPLTYPE RGB.</summary>
    private static class PamHeader
    {
        public static (int Width, int Height)? TryRead(Stream stream)
        {
            var text = new StringBuilder();
            int width = 0, height = 0, depth = 0;
            while (true)
            {
                var line = ReadLine(stream, text);
                if (line is null) return null;
                if (line == "ENDHDR") break;
                var parts = line.Split(' ', 2);
                if (parts.Length != 2) continue;
                switch (parts[0])
                {
                    case "WIDTH": width = int.Parse(parts[1]); break;
                    case "HEIGHT": height = int.Parse(parts[1]); break;
                    case "DEPTH": depth = int.Parse(parts[1]); break;
                }
            }
            if (width <= 0 || height <= 0 || depth != 3)
                throw new InvalidDataException($"unexpected PAM header from ffmpeg (width {width}, height {height}, depth {depth}).");
            return (width, height);
        }

        private static string? ReadLine(Stream stream, StringBuilder text)
        {
            text.Clear();
            while (true)
            {
                var b = stream.ReadByte();
                if (b < 0) return null;
                if (b == '\n') return text.ToString();
                if (text.Length > 256) return null;
                text.Append((char)b);
            }
        }
    }
}
