using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Alignment;

/// <summary>
/// Warps a face to an <see cref="AlignmentTemplate"/>'s crop with bilinear sampling. Pixels that fall
/// outside the source image are black (as OpenCV's warpAffine with a constant border, the usual
/// ArcFace preprocessing). Stateless and thread-safe.
/// </summary>
public static class FaceAligner
{
    /// <summary>The aligned crop as an 8-bit RGB image (for review screens and tests).</summary>
    public static RgbImage Align(RgbImage image, FaceLandmarks5 face, AlignmentTemplate template)
    {
        var crop = new float[template.Size * template.Size * 3];
        Warp(image, template.TransformFor(face), template.Size, crop);
        var pixels = new byte[crop.Length];
        for (var i = 0; i < crop.Length; i++) pixels[i] = (byte)Math.Clamp(MathF.Round(crop[i]), 0, 255);
        return new RgbImage(template.Size, template.Size, pixels);
    }

    /// <summary>
    /// Writes the aligned crop as floats 0..255, HWC RGB, into <paramref name="destination"/>
    /// (size*size*3 floats): one slot of a batch tensor, so a frame's faces go to the embedder in one call.
    /// </summary>
    public static void AlignInto(RgbImage image, FaceLandmarks5 face, AlignmentTemplate template, Span<float> destination) =>
        Warp(image, template.TransformFor(face), template.Size, destination);

    /// <summary>
    /// Samples <paramref name="imageToCrop"/>^-1 for each crop pixel. The source position moves by a
    /// constant step along a row, so the affine maths is two additions per pixel; the gather of four
    /// RGB neighbours is what costs, and at 112-224 px per side (~40k samples) a scalar loop takes
    /// tens of microseconds, far below the embedder, so wider SIMD does not pay here.
    /// </summary>
    public static void Warp(RgbImage image, SimilarityTransform imageToCrop, int size, Span<float> destination)
    {
        if (destination.Length < size * size * 3) throw new ArgumentException("Destination is smaller than size*size*3.", nameof(destination));
        var inv = imageToCrop.Inverse();
        var src = image.Pixels;
        int w = image.Width, h = image.Height, stride = image.Stride;
        var o = 0;
        for (var v = 0; v < size; v++)
        {
            var (sx, sy) = inv.Apply(0, v);
            double dx = inv.A, dy = inv.B;
            for (var u = 0; u < size; u++, sx += dx, sy += dy, o += 3)
            {
                var x0 = (int)Math.Floor(sx);
                var y0 = (int)Math.Floor(sy);
                var fx = (float)(sx - x0);
                var fy = (float)(sy - y0);
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h)
                {
                    var p = y0 * stride + x0 * 3;
                    var q = p + stride;
                    for (var c = 0; c < 3; c++)
                    {
                        float top = src[p + c] + (src[p + 3 + c] - src[p + c]) * fx;
                        float bottom = src[q + c] + (src[q + 3 + c] - src[q + c]) * fx;
                        destination[o + c] = top + (bottom - top) * fy;
                    }
                }
                else
                {
                    // Border: each of the four neighbours contributes only if it lies inside the image.
                    for (var c = 0; c < 3; c++)
                    {
                        destination[o + c] =
                            Sample(src, w, h, stride, x0, y0, c) * (1 - fx) * (1 - fy) +
                            Sample(src, w, h, stride, x0 + 1, y0, c) * fx * (1 - fy) +
                            Sample(src, w, h, stride, x0, y0 + 1, c) * (1 - fx) * fy +
                            Sample(src, w, h, stride, x0 + 1, y0 + 1, c) * fx * fy;
                    }
                }
            }
        }
    }

    private static float Sample(byte[] src, int w, int h, int stride, int x, int y, int c) =>
        (uint)x < (uint)w && (uint)y < (uint)h ? src[y * stride + x * 3 + c] : 0f;
}
