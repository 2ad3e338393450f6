namespace OpenLfr.Vision.Media;

/// <summary>
/// Locates Debian's ffmpeg and ffprobe. All decoding and encoding in OpenLFR goes through these
/// subprocesses (as Frigate does); there are no hand-written codecs. <c>$OPENLFR_FFMPEG</c> overrides the path.
/// </summary>
public static class FfmpegTool
{
    private static readonly Lazy<string> FfmpegPath = new(() => Find("ffmpeg", "OPENLFR_FFMPEG"));
    private static readonly Lazy<string> FfprobePath = new(() => Find("ffprobe", "OPENLFR_FFPROBE"));

    /// <summary>Full path of ffmpeg; throws <see cref="FileNotFoundException"/> saying how to install it.</summary>
    public static string Ffmpeg => FfmpegPath.Value;

    /// <summary>Full path of ffprobe; throws <see cref="FileNotFoundException"/> saying how to install it.</summary>
    public static string Ffprobe => FfprobePath.Value;

    private static string Find(string name, string variable)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"${variable} points to {configured}, which does not exist.", configured);
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{name} is not installed or not on PATH. Install Debian's ffmpeg (`apt-get install ffmpeg`, or run scripts/setup).", name);
    }
}
