using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Simulation;

/// <summary>
/// A plausible street-front backdrop drawn procedurally (wall, shop windows, pavement, mild noise),
/// so the detector sees texture and edges, not a flat colour. Deterministic for a given random source.
/// </summary>
internal static class SceneBackground
{
    public static RgbImage Render(int width, int height, Random random)
    {
        var image = new RgbImage(width, height);
        var px = image.Pixels;
        var floorY = (int)(height * 0.78);
        var wall = (R: 150 + random.Next(40), G: 140 + random.Next(30), B: 120 + random.Next(30));
        for (var y = 0; y < height; y++)
        {
            var shade = y < floorY ? 0.75f + 0.25f * y / floorY : 0.55f + 0.1f * (y - floorY) / Math.Max(1, height - floorY);
            var (r, g, b) = y < floorY ? wall : (110, 110, 115);
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 3;
                px[o] = (byte)(r * shade);
                px[o + 1] = (byte)(g * shade);
                px[o + 2] = (byte)(b * shade);
            }
        }
        // Shop windows and doors along the wall.
        var x0 = random.Next(width / 20);
        while (x0 < width)
        {
            var w = (int)(width * (0.08 + 0.12 * random.NextDouble()));
            var top = (int)(height * (0.1 + 0.15 * random.NextDouble()));
            var bottom = (int)(floorY - height * 0.05 * random.NextDouble());
            var colour = (R: 40 + random.Next(90), G: 50 + random.Next(90), B: 60 + random.Next(100));
            var frameW = Math.Max(2, width / 300);
            Fill(image, x0 - frameW, top - frameW, w + 2 * frameW, bottom - top + 2 * frameW, (60, 55, 50));
            Fill(image, x0, top, w, bottom - top, colour);
            x0 += w + (int)(width * (0.04 + 0.08 * random.NextDouble()));
        }
        // Sensor noise, fixed per scene.
        for (var i = 0; i < px.Length; i++)
            px[i] = (byte)Math.Clamp(px[i] + random.Next(-4, 5), 0, 255);
        return image;
    }

    public static void Fill(RgbImage image, int x, int y, int w, int h, (int R, int G, int B) colour)
    {
        for (var yy = Math.Max(0, y); yy < Math.Min(image.Height, y + h); yy++)
        {
            for (var xx = Math.Max(0, x); xx < Math.Min(image.Width, x + w); xx++)
            {
                var o = (yy * image.Width + xx) * 3;
                image.Pixels[o] = (byte)colour.R;
                image.Pixels[o + 1] = (byte)colour.G;
                image.Pixels[o + 2] = (byte)colour.B;
            }
        }
    }

    /// <summary>A filled ellipse (a body under a face), clipped to the image.</summary>
    public static void FillEllipse(RgbImage image, float cx, float cy, float rx, float ry, (int R, int G, int B) colour, float gain)
    {
        var (r, g, b) = ((byte)Math.Min(255, colour.R * gain), (byte)Math.Min(255, colour.G * gain), (byte)Math.Min(255, colour.B * gain));
        for (var y = Math.Max(0, (int)(cy - ry)); y < Math.Min(image.Height, (int)(cy + ry) + 1); y++)
        {
            var dy = (y - cy) / ry;
            var half = rx * MathF.Sqrt(Math.Max(0, 1 - dy * dy));
            for (var x = Math.Max(0, (int)(cx - half)); x < Math.Min(image.Width, (int)(cx + half) + 1); x++)
            {
                var o = (y * image.Width + x) * 3;
                image.Pixels[o] = r;
                image.Pixels[o + 1] = g;
                image.Pixels[o + 2] = b;
            }
        }
    }
}
