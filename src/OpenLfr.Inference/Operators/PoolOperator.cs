using System.Numerics;
using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>MaxPool / AvgPool over NHWC. AvgPool divides by the number of real (unpadded) inputs, as TensorFlow does.</summary>
internal sealed class PoolOperator(bool max, int kh, int kw, int sh, int sw, bool same) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        if (x.Rank != 4) throw Fail($"expects NHWC input, got {x.ShapeText}.");
        int n = x.Shape[0], h = x.Shape[1], w = x.Shape[2], c = x.Shape[3];
        var (oh, pt) = WindowPadding.Resolve(h, kh, sh, same);
        var (ow, pl) = WindowPadding.Resolve(w, kw, sw, same);
        var output = context.Allocate([n, oh, ow, c]);
        var src = x.ReadOnly;
        var dst = output.Span;
        var vw = Vector<float>.Count;
        for (var b = 0; b < n; b++)
            for (var oy = 0; oy < oh; oy++)
            {
                var y0 = Math.Max(oy * sh - pt, 0);
                var y1 = Math.Min(oy * sh - pt + kh, h);
                for (var ox = 0; ox < ow; ox++)
                {
                    var x0 = Math.Max(ox * sw - pl, 0);
                    var x1 = Math.Min(ox * sw - pl + kw, w);
                    var o = dst.Slice(((b * oh + oy) * ow + ox) * c, c);
                    var first = true;
                    for (var y = y0; y < y1; y++)
                        for (var xx = x0; xx < x1; xx++)
                        {
                            var s = src.Slice(((b * h + y) * w + xx) * c, c);
                            if (first) { s.CopyTo(o); first = false; continue; }
                            var ch = 0;
                            for (; ch + vw <= c; ch += vw)
                            {
                                var a = new Vector<float>(o[ch..]);
                                var v = new Vector<float>(s[ch..]);
                                (max ? Vector.Max(a, v) : a + v).CopyTo(o[ch..]);
                            }
                            for (; ch < c; ch++) o[ch] = max ? MathF.Max(o[ch], s[ch]) : o[ch] + s[ch];
                        }
                    if (first) o.Clear();
                    else if (!max)
                    {
                        var inv = 1f / ((y1 - y0) * (x1 - x0));
                        for (var ch = 0; ch < c; ch++) o[ch] *= inv;
                    }
                }
            }
        outputs[0] = output;
    }
}
