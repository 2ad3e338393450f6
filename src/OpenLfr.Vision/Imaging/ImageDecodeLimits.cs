namespace OpenLfr.Vision.Imaging;

/// <summary>
/// Upper bounds on what the decoder accepts, so one hostile or mistaken upload cannot exhaust memory.
/// The defaults admit anything a camera or a phone produces (100 MB, 100 megapixels).
/// </summary>
public sealed record ImageDecodeLimits
{
    public static ImageDecodeLimits Default { get; } = new();

    /// <summary>Largest accepted file, in bytes.</summary>
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Largest accepted image, in pixels (width x height).</summary>
    public long MaxPixels { get; init; } = 100_000_000;
}
