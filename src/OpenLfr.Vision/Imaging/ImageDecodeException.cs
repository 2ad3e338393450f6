namespace OpenLfr.Vision.Imaging;

/// <summary>
/// An image file could not be decoded: empty, truncated, corrupt, not an image, or over the configured
/// size limits. The message names the file, what was wrong and what to do.
/// </summary>
public sealed class ImageDecodeException : Exception
{
    public ImageDecodeException(string file, string problem, Exception? inner = null)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The file (or source name) that failed.</summary>
    public string File { get; }

    /// <summary>What was wrong, without the file name.</summary>
    public string Problem { get; }
}
