using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>ResizeBilinear over NHWC to the size in input 1, with TensorFlow's align_corners / half_pixel_centers rules.</summary>
internal sealed class ResizeBilinearOperator(bool alignCorners, bool halfPixelCenters) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        if (x.Rank != 4) throw Fail($"expects NHWC input, got {x.ShapeText}.");
        var size = inputs[1].ToInts();
        int n = x.Shape[0], h = x.Shape[1], w = x.Shape[2], c = x.Shape[3], oh = size[0], ow = size[1];
        var output = context.Allocate([n, oh, ow, c]);
        var src = x.ReadOnly;
        var dst = output.Span;
        var scaleY = Scale(h, oh);
        var scaleX = Scale(w, ow);
        for (var b = 0; b < n; b++)
            for (var oy = 0; oy < oh; oy++)
            {
                var (y0, y1, fy) = Source(oy, scaleY, h);
                for (var ox = 0; ox < ow; ox++)
                {
                    var (x0, x1, fx) = Source(ox, scaleX, w);
                    var tl = ((b * h + y0) * w + x0) * c;
                    var tr = ((b * h + y0) * w + x1) * c;
                    var bl = ((b * h + y1) * w + x0) * c;
                    var br = ((b * h + y1) * w + x1) * c;
                    var o = ((b * oh + oy) * ow + ox) * c;
                    for (var ch = 0; ch < c; ch++)
                    {
                        var top = src[tl + ch] + (src[tr + ch] - src[tl + ch]) * fx;
                        var bottom = src[bl + ch] + (src[br + ch] - src[bl + ch]) * fx;
                        dst[o + ch] = top + (bottom - top) * fy;
                    }
                }
            }
        outputs[0] = output;
    }

    private float Scale(int input, int output) =>
        alignCorners && output > 1 ? (input - 1) / (float)(output - 1) : input / (float)output;

    private (int Lo, int Hi, float Frac) Source(int o, float scale, int size)
    {
        var s = halfPixelCenters ? (o + 0.5f) * scale - 0.5f : o * scale;
        var floor = MathF.Floor(s);
        var lo = Math.Max((int)floor, 0);
        var hi = Math.Min((int)MathF.Ceiling(s), size - 1);
        return (Math.Min(lo, size - 1), hi, s - floor);
    }
}
