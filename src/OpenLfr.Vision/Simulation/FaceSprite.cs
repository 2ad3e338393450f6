using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Simulation;

/// <summary>
/// The face region of a dataset photo, cut out with a soft elliptical mask so it can be pasted into a
/// scene at any size. LFW photos are 250x250 with the face in the middle ~100 px: the sprite is the
/// central square of 60% of the photo, and the face box (what a detector should find) is the central
/// 62% of the sprite, a little below its centre.
/// </summary>
internal sealed class FaceSprite
{
    /// <summary>Face box side as a fraction of the sprite side.</summary>
    public const float FaceFraction = 0.62f;

    /// <summary>Face box centre height as a fraction of the sprite side.</summary>
    public const float FaceCenterY = 0.53f;

    private readonly float[] _rgb;
    private readonly float[] _alpha;

    public FaceSprite(RgbImage photo)
    {
        var side = (int)(Math.Min(photo.Width, photo.Height) * 0.6f);
        Side = side;
        var x0 = (photo.Width - side) / 2;
        var y0 = (photo.Height - side) / 2;
        _rgb = new float[side * side * 3];
        _alpha = new float[side * side];
        var half = side / 2f;
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var src = ((y0 + y) * photo.Width + x0 + x) * 3;
                var dst = (y * side + x) * 3;
                _rgb[dst] = photo.Pixels[src];
                _rgb[dst + 1] = photo.Pixels[src + 1];
                _rgb[dst + 2] = photo.Pixels[src + 2];
                // Ellipse a bit taller than wide (hair to chin); alpha ramps from 1 to 0 over its outer 15%.
                var dx = (x + 0.5f - half) / (0.40f * side);
                var dy = (y + 0.5f - half * 1.04f) / (0.50f * side);
                var r = MathF.Sqrt(dx * dx + dy * dy);
                _alpha[y * side + x] = Math.Clamp((1f - r) / 0.15f, 0f, 1f);
            }
        }
    }

    public int Side { get; }

    /// <summary>
    /// Pastes the sprite so that its face box has side <paramref name="faceSize"/> and centre
    /// (<paramref name="cx"/>, <paramref name="cy"/>), with brightness multiplied by <paramref name="gain"/>.
    /// </summary>
    public void Draw(RgbImage frame, float cx, float cy, float faceSize, float gain)
    {
        var s = faceSize / FaceFraction;
        var left = cx - s / 2;
        var top = cy - FaceCenterY * s;
        var xStart = Math.Max(0, (int)MathF.Floor(left));
        var yStart = Math.Max(0, (int)MathF.Floor(top));
        var xEnd = Math.Min(frame.Width, (int)MathF.Ceiling(left + s));
        var yEnd = Math.Min(frame.Height, (int)MathF.Ceiling(top + s));
        var scale = Side / s;
        var px = frame.Pixels;
        for (var y = yStart; y < yEnd; y++)
        {
            var v = (y + 0.5f - top) * scale - 0.5f;
            if (v < 0 || v > Side - 1) continue;
            var v0 = (int)v;
            var v1 = Math.Min(v0 + 1, Side - 1);
            var fv = v - v0;
            for (var x = xStart; x < xEnd; x++)
            {
                var u = (x + 0.5f - left) * scale - 0.5f;
                if (u < 0 || u > Side - 1) continue;
                var u0 = (int)u;
                var u1 = Math.Min(u0 + 1, Side - 1);
                var fu = u - u0;
                var a = Lerp2(_alpha, 1, 0, u0, u1, v0, v1, fu, fv);
                if (a <= 0.003f) continue;
                var o = (y * frame.Width + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    var value = Math.Min(255f, Lerp2(_rgb, 3, c, u0, u1, v0, v1, fu, fv) * gain);
                    px[o + c] = (byte)(px[o + c] + a * (value - px[o + c]) + 0.5f);
                }
            }
        }
    }

    private float Lerp2(float[] data, int channels, int c, int u0, int u1, int v0, int v1, float fu, float fv)
    {
        var a = data[(v0 * Side + u0) * channels + c];
        var b = data[(v0 * Side + u1) * channels + c];
        var d = data[(v1 * Side + u0) * channels + c];
        var e = data[(v1 * Side + u1) * channels + c];
        return (a + (b - a) * fu) * (1 - fv) + (d + (e - d) * fu) * fv;
    }
}
