namespace OpenLfr.Vision.Imaging;

/// <summary>
/// An 8-bit RGB image, row-major, 3 bytes per pixel, no row padding (the layout ffmpeg's rgb24 writes).
/// The pixel buffer is owned by the image; it is not thread-safe to write while others read.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 3)])
    {
    }

    /// <param name="pixels">Exactly width*height*3 bytes; the image takes ownership of the array.</param>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != checked(width * height * 3))
            throw new ArgumentException($"Expected {width * height * 3} bytes for {width}x{height} RGB, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Row-major RGB bytes; pixel (x, y) starts at (y * Width + x) * 3.</summary>
    public byte[] Pixels { get; }

    public int Stride => Width * 3;

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Stride, Stride);
}
