using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Core.Live;

/// <summary>
/// Scaled-down copies of a frame with faces pixelated beyond recognition: the alert's context picture
/// (every face except the matched one) and the console's live view (every face except those of alerted
/// tracks). One implementation so both hide bystanders the same way.
/// </summary>
internal static class FrameThumbnail
{
    public const int MaxWidth = 480;

    /// <summary>Margin around a detected face box that is pixelated too (hair, ears, chin).</summary>
    public const float FaceMargin = 1.4f;

    /// <summary>Alert context picture: at most <see cref="MaxWidth"/> wide, every face but <paramref name="matched"/> pixelated.</summary>
    public static RgbImage Make(RgbImage frame, BoxF matched, IEnumerable<BoxF> others) =>
        Blurred(frame, MaxWidth, others.Where(o => o.IoU(matched) <= 0.5f));

    /// <summary>
    /// A new image at most <paramref name="maxWidth"/> pixels wide (never enlarged) with each of
    /// <paramref name="faces"/> (in <paramref name="frame"/>'s pixels) pixelated with a margin. The frame is not changed.
    /// </summary>
    public static RgbImage Blurred(RgbImage frame, int maxWidth, IEnumerable<BoxF> faces)
    {
        var thumb = Downscaled(frame, maxWidth);
        float sx = thumb.Width / (float)frame.Width, sy = thumb.Height / (float)frame.Height;
        foreach (var f in faces) PixelateFace(thumb, f.Inflate(FaceMargin).Scale(sx, sy));
        return thumb;
    }

    /// <summary>A copy at most <paramref name="maxWidth"/> wide with even sides (what the JPEG encoder wants).</summary>
    public static RgbImage Downscaled(RgbImage frame, int maxWidth)
    {
        var scale = Math.Min(1f, (float)maxWidth / frame.Width);
        var w = Math.Max(2, (int)(frame.Width * scale) & ~1);
        var h = Math.Max(2, (int)(frame.Height * scale) & ~1);
        var thumb = new RgbImage(w, h);
        Downscale(frame, thumb);
        return thumb;
    }

    private static void Downscale(RgbImage src, RgbImage dst)
    {
        // Nearest of each destination pixel's source centre: enough for a context picture.
        for (var y = 0; y < dst.Height; y++)
        {
            var sy = Math.Min(src.Height - 1, (int)((y + 0.5f) * src.Height / dst.Height));
            for (var x = 0; x < dst.Width; x++)
            {
                var sx = Math.Min(src.Width - 1, (int)((x + 0.5f) * src.Width / dst.Width));
                src.Pixels.AsSpan((sy * src.Width + sx) * 3, 3).CopyTo(dst.Pixels.AsSpan((y * dst.Width + x) * 3, 3));
            }
        }
    }

    /// <summary>Replaces the box with blocks of their mean colour, about four blocks across, so no face detail survives.</summary>
    public static void PixelateFace(RgbImage image, BoxF box) => Pixelate(image, box, Math.Max(2, (int)box.Width / 4));

    /// <summary>Replaces the box with square blocks of <paramref name="block"/> pixels, each filled with its mean colour.</summary>
    public static void Pixelate(RgbImage image, BoxF box, int block)
    {
        var b = box.Clip(image.Width, image.Height);
        int x0 = (int)b.X, y0 = (int)b.Y, x1 = (int)MathF.Ceiling(b.Right), y1 = (int)MathF.Ceiling(b.Bottom);
        block = Math.Max(2, block);
        for (var by = y0; by < y1; by += block)
        for (var bx = x0; bx < x1; bx += block)
        {
            int ex = Math.Min(x1, bx + block), ey = Math.Min(y1, by + block);
            long r = 0, g = 0, bl = 0, n = 0;
            for (var y = by; y < ey; y++)
            for (var x = bx; x < ex; x++)
            {
                var o = (y * image.Width + x) * 3;
                r += image.Pixels[o]; g += image.Pixels[o + 1]; bl += image.Pixels[o + 2]; n++;
            }
            if (n == 0) continue;
            for (var y = by; y < ey; y++)
            for (var x = bx; x < ex; x++)
            {
                var o = (y * image.Width + x) * 3;
                image.Pixels[o] = (byte)(r / n); image.Pixels[o + 1] = (byte)(g / n); image.Pixels[o + 2] = (byte)(bl / n);
            }
        }
    }
}
