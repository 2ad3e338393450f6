using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Core.Live;

/// <summary>
/// The alert's context picture: the frame scaled down to at most <see cref="MaxWidth"/> pixels wide,
/// with every face except the matched one pixelated beyond recognition (bystanders are not shown).
/// </summary>
internal static class FrameThumbnail
{
    public const int MaxWidth = 480;

    public static RgbImage Make(RgbImage frame, BoxF matched, IEnumerable<BoxF> others)
    {
        var scale = Math.Min(1f, (float)MaxWidth / frame.Width);
        var w = Math.Max(2, (int)(frame.Width * scale) & ~1);
        var h = Math.Max(2, (int)(frame.Height * scale) & ~1);
        var thumb = new RgbImage(w, h);
        Downscale(frame, thumb);
        foreach (var o in others)
        {
            if (o.IoU(matched) > 0.5f) continue;
            Pixelate(thumb, o.Inflate(1.4f).Scale(w / (float)frame.Width, h / (float)frame.Height));
        }
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
    private static void Pixelate(RgbImage image, BoxF box)
    {
        var b = box.Clip(image.Width, image.Height);
        int x0 = (int)b.X, y0 = (int)b.Y, x1 = (int)MathF.Ceiling(b.Right), y1 = (int)MathF.Ceiling(b.Bottom);
        var block = Math.Max(2, (x1 - x0) / 4);
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
