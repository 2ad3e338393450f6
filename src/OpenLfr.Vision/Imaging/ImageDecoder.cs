namespace OpenLfr.Vision.Imaging;

/// <summary>
/// Turns an image file (JPEG, PNG, BMP, WebP, ...; colour or grayscale; any size within the limits)
/// into an <see cref="RgbImage"/>. JPEG goes through libjpeg-turbo in-process when it is installed
/// (much faster for batch work such as LFW); everything else, and any JPEG it rejects, through ffmpeg.
/// A JPEG's EXIF Orientation tag is applied whichever decoder ran, so phone photos come out upright.
/// Thread-safe. Every failure is an <see cref="ImageDecodeException"/> naming the file.
/// </summary>
public sealed class ImageDecoder
{
    private readonly bool _allowTurboJpeg;

    public ImageDecoder(ImageDecodeLimits? limits = null)
        : this(limits, allowTurboJpeg: true)
    {
    }

    /// <param name="allowTurboJpeg">False sends JPEG through ffmpeg too (tests of the fallback path).</param>
    internal ImageDecoder(ImageDecodeLimits? limits, bool allowTurboJpeg)
    {
        Limits = limits ?? ImageDecodeLimits.Default;
        _allowTurboJpeg = allowTurboJpeg;
    }

    public static ImageDecoder Default { get; } = new();

    public ImageDecodeLimits Limits { get; }

    /// <summary>True when the in-process JPEG path is in use.</summary>
    public static bool UsesTurboJpeg => TurboJpeg.IsAvailable;

    public RgbImage Decode(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] data;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new ImageDecodeException(path, "file not found.");
            if (info.Length > Limits.MaxBytes)
                throw new ImageDecodeException(path, $"file is {info.Length} bytes, over the limit of {Limits.MaxBytes}.");
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageDecodeException(path, $"cannot read the file ({e.Message}).", e);
        }
        return Decode(data, path);
    }

    /// <param name="name">Names the source in error messages (e.g. the uploaded file name).</param>
    public RgbImage Decode(byte[] data, string name)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0) throw new ImageDecodeException(name, "file is empty (0 bytes).");
        if (data.Length > Limits.MaxBytes)
            throw new ImageDecodeException(name, $"file is {data.Length} bytes, over the limit of {Limits.MaxBytes}.");
        if (!TurboJpeg.LooksLikeJpeg(data)) return FfmpegImageDecoder.Decode(data, name, Limits, applyDisplayRotation: true);
        // Our own reading of the tag, not ffmpeg's, so both JPEG paths turn the picture the same way
        // (ffmpeg 5.1 would apply all eight orientations identically; other builds may not).
        var stored = (_allowTurboJpeg ? TurboJpeg.TryDecode(data, name, Limits) : null) ?? FfmpegImageDecoder.Decode(data, name, Limits, applyDisplayRotation: false);
        return ImageOrienter.Apply(stored, ExifOrientationReader.Read(data));
    }
}
