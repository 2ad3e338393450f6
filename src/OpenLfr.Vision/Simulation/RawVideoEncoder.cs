using System.Diagnostics;
using System.Globalization;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Media;

namespace OpenLfr.Vision.Simulation;

/// <summary>
/// Encodes rgb24 frames piped to ffmpeg's stdin: H.264 (libx264) when Debian's ffmpeg has it, MPEG-4
/// part 2 otherwise. stderr is kept (bounded) for the error message.
/// </summary>
internal sealed class RawVideoEncoder : IDisposable
{
    private static readonly Lazy<bool> HasX264 = new(() => ListEncoders().Contains(" libx264 ", StringComparison.Ordinal));
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Task<string> _stderr;
    private readonly string _output;

    public RawVideoEncoder(string output, int width, int height, int fps)
    {
        _output = output;
        var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true };
        string[] codec = HasX264.Value
            ? ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-g", (fps * 2).ToString(CultureInfo.InvariantCulture)]
            : ["-c:v", "mpeg4", "-q:v", "3"];
        string[] args =
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}", "-r", fps.ToString(CultureInfo.InvariantCulture), "-i", "pipe:0",
            .. codec, "-pix_fmt", "yuv420p", "-movflags", "+faststart", output,
        ];
        foreach (var a in args) psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _stdin = _process.StandardInput.BaseStream;
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public static string Codec => HasX264.Value ? "libx264" : "mpeg4";

    public void Write(RgbImage frame)
    {
        try
        {
            _stdin.Write(frame.Pixels);
        }
        catch (IOException e)
        {
            throw new IOException($"ffmpeg stopped while encoding {_output}: {Stderr()} ({e.Message})", e);
        }
    }

    /// <summary>Closes the input and waits for ffmpeg; throws with its message when encoding failed.</summary>
    public void Finish()
    {
        _stdin.Close();
        _process.WaitForExit();
        if (_process.ExitCode != 0) throw new IOException($"ffmpeg could not encode {_output} (exit {_process.ExitCode}): {Stderr()}");
    }

    private string Stderr()
    {
        var text = _stderr.Wait(2000) ? _stderr.Result : "";
        return text.Length > 2000 ? text[^2000..] : text.Trim();
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(); } catch (InvalidOperationException) { }
        _process.Dispose();
    }

    private static string ListEncoders()
    {
        var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg, "-hide_banner -encoders") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
