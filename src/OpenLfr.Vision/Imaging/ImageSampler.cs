namespace OpenLfr.Vision.Imaging;

/// <summary>
/// Crop-and-resize of an <see cref="RgbImage"/> region into a float HWC RGB buffer (a network input),
/// bilinear with half-pixel centres (as tf.image.resize with half_pixel_centers). The region may
/// extend past the image; outside pixels are black. Stateless and thread-safe.
/// </summary>
public static class ImageSampler
{
    /// <param name="left">Region left edge in source pixels (may be negative).</param>
    /// <param name="regionWidth">Region size in source pixels, mapped onto <paramref name="outWidth"/>.</param>
    /// <param name="valueScale">Multiplies the 0..255 byte values (1 keeps 0..255; 1/255 gives 0..1).</param>
    /// <param name="destinationStride">Floats per destination row (>= outWidth*3; larger leaves padding untouched).</param>
    public static void CropResize(RgbImage image, float left, float top, float regionWidth, float regionHeight,
        int outWidth, int outHeight, Span<float> destination, float valueScale = 1f, int destinationStride = 0)
    {
        if (destinationStride == 0) destinationStride = outWidth * 3;
        var sx = regionWidth / outWidth;
        var sy = regionHeight / outHeight;
        var src = image.Pixels;
        int w = image.Width, h = image.Height, stride = image.Stride;
        // Precompute the horizontal taps once per call: they are the same for every row.
        var x0s = new int[outWidth];
        var fxs = new float[outWidth];
        for (var u = 0; u < outWidth; u++)
        {
            var x = left + (u + 0.5f) * sx - 0.5f;
            var x0 = (int)MathF.Floor(x);
            x0s[u] = x0;
            fxs[u] = x - x0;
        }
        for (var v = 0; v < outHeight; v++)
        {
            var y = top + (v + 0.5f) * sy - 0.5f;
            var y0 = (int)MathF.Floor(y);
            var fy = y - y0;
            var row = destination.Slice(v * destinationStride, outWidth * 3);
            var rowInside = y0 >= 0 && y0 + 1 < h;
            for (var u = 0; u < outWidth; u++)
            {
                int x0 = x0s[u];
                var fx = fxs[u];
                if (rowInside && x0 >= 0 && x0 + 1 < w)
                {
                    var p = y0 * stride + x0 * 3;
                    var q = p + stride;
                    for (var c = 0; c < 3; c++)
                    {
                        float t = src[p + c] + (src[p + 3 + c] - src[p + c]) * fx;
                        float b = src[q + c] + (src[q + 3 + c] - src[q + c]) * fx;
                        row[u * 3 + c] = (t + (b - t) * fy) * valueScale;
                    }
                }
                else
                {
                    // Edges: clamp to the nearest pixel inside (replicate) when the tap is within half a pixel of
                    // the image, black when the region genuinely extends past it.
                    for (var c = 0; c < 3; c++)
                    {
                        float t = Tap(src, w, h, stride, x0, y0, c) * (1 - fx) + Tap(src, w, h, stride, x0 + 1, y0, c) * fx;
                        float b = Tap(src, w, h, stride, x0, y0 + 1, c) * (1 - fx) + Tap(src, w, h, stride, x0 + 1, y0 + 1, c) * fx;
                        row[u * 3 + c] = (t + (b - t) * fy) * valueScale;
                    }
                }
            }
        }
    }

    private static float Tap(byte[] src, int w, int h, int stride, int x, int y, int c)
    {
        if (x == -1) x = 0; else if (x == w) x = w - 1;
        if (y == -1) y = 0; else if (y == h) y = h - 1;
        return (uint)x < (uint)w && (uint)y < (uint)h ? src[y * stride + x * 3 + c] : 0f;
    }
}
