namespace OpenLfr.Vision.Imaging;

/// <summary>
/// Turns decoded pixels upright according to an <see cref="ExifOrientation"/>, so that a phone photo
/// taken sideways reaches the face detector the way a person would look at it.
/// </summary>
internal static class ImageOrienter
{
    /// <summary>
    /// Returns a new upright image, or <paramref name="stored"/> itself when it is already upright.
    /// Orientations 5-8 swap width and height.
    /// </summary>
    public static RgbImage Apply(RgbImage stored, ExifOrientation orientation)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (orientation == ExifOrientation.Normal || !Enum.IsDefined(orientation)) return stored;
        int w = stored.Width, h = stored.Height;
        var swaps = orientation >= ExifOrientation.Transpose;
        var upright = swaps ? new RgbImage(h, w) : new RgbImage(w, h);

        // The mapping is affine, so walk the source with fixed steps instead of mapping every pixel.
        var (x0, y0) = SourceOf(orientation, 0, 0, w, h);
        var (x1, y1) = SourceOf(orientation, 1, 0, w, h);
        var (x2, y2) = SourceOf(orientation, 0, 1, w, h);
        var stepAlongRow = ((y1 - y0) * w + (x1 - x0)) * 3;
        var stepDownColumn = ((y2 - y0) * w + (x2 - x0)) * 3;
        var src = stored.Pixels;
        var dst = upright.Pixels;
        var rowStart = (y0 * w + x0) * 3;
        var d = 0;
        for (var y = 0; y < upright.Height; y++, rowStart += stepDownColumn)
        {
            for (int x = 0, s = rowStart; x < upright.Width; x++, s += stepAlongRow, d += 3)
            {
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
        return upright;
    }

    /// <summary>The stored pixel shown at upright position (x, y); w and h are the stored size.</summary>
    private static (int X, int Y) SourceOf(ExifOrientation orientation, int x, int y, int w, int h) => orientation switch
    {
        ExifOrientation.FlipHorizontal => (w - 1 - x, y),
        ExifOrientation.Rotate180 => (w - 1 - x, h - 1 - y),
        ExifOrientation.FlipVertical => (x, h - 1 - y),
        ExifOrientation.Transpose => (y, x),
        ExifOrientation.Rotate90Clockwise => (y, h - 1 - x),
        ExifOrientation.Transverse => (w - 1 - y, h - 1 - x),
        ExifOrientation.Rotate90Anticlockwise => (w - 1 - y, x),
        _ => (x, y),
    };
}
