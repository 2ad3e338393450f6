using System.Numerics;
using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>MaxPool / AvgPool over NHWC, optionally with a ReLU folded in; output rows are spread over the threads.
/// AvgPool divides by the number of real (unpadded) inputs, as TensorFlow does. With <paramref name="crelu"/> the
/// max pool reads x but pools concat(x, -x) (CReLU): channels [0,C) get max(x), [C,2C) get -min(x), so the
/// concatenated tensor is never written.</summary>
internal sealed unsafe class PoolOperator(bool max, int kh, int kw, int sh, int sw, bool same, bool relu = false, bool crelu = false) : Operator
{
    private struct State
    {
        public float* Src;
        public float* Dst;
        public int H, W, C, OutH, OutW, PadTop, PadLeft, KH, KW, SH, SW;
        public bool Max, Relu, CRelu;
    }

    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        if (x.Rank != 4) throw Fail($"expects NHWC input, got {x.ShapeText}.");
        int n = x.Shape[0], h = x.Shape[1], w = x.Shape[2], c = x.Shape[3];
        var (oh, pt) = WindowPadding.Resolve(h, kh, sh, same);
        var (ow, pl) = WindowPadding.Resolve(w, kw, sw, same);
        var output = context.Allocate([n, oh, ow, crelu ? 2 * c : c]);
        fixed (float* src = x.ReadOnly)
        fixed (float* dst = output.Span)
        {
            var state = new State
            {
                Src = src, Dst = dst, H = h, W = w, C = c, OutH = oh, OutW = ow, PadTop = pt, PadLeft = pl,
                KH = kh, KW = kw, SH = sh, SW = sw, Max = max, Relu = relu, CRelu = crelu,
            };
            ParallelChunks.Run(context.Parallelism, n * oh, Math.Max(1, (1 << 13) / Math.Max(ow * c, 1)), &Rows, &state);
        }
        outputs[0] = output;
    }

    /// <summary>Walks the output pixels of rows [start, end) and pools each over its window.</summary>
    private static void Rows(void* s, int start, int end)
    {
        var st = (State*)s;
        int h = st->H, w = st->W, c = st->C, oh = st->OutH, ow = st->OutW;
        var outC = st->CRelu ? 2 * c : c;
        for (var row = start; row < end; row++)
        {
            int b = row / oh, oy = row % oh;
            // The window clipped to the image: padding contributes nothing (and AvgPool does not count it).
            var y0 = Math.Max(oy * st->SH - st->PadTop, 0);
            var y1 = Math.Min(oy * st->SH - st->PadTop + st->KH, h);
            var image = st->Src + (long)b * h * w * c;
            for (var ox = 0; ox < ow; ox++)
            {
                var x0 = Math.Max(ox * st->SW - st->PadLeft, 0);
                var x1 = Math.Min(ox * st->SW - st->PadLeft + st->KW, w);
                var o = st->Dst + ((long)(b * oh + oy) * ow + ox) * outC;
                if (st->CRelu) PoolCRelu(st, image, y0, y1, x0, x1, o);
                else Pool(st, image, y0, y1, x0, x1, o);
            }
        }
    }

    /// <summary>Max or average of the window's pixels into o[0, C).</summary>
    private static void Pool(State* st, float* image, int y0, int y1, int x0, int x1, float* o)
    {
        int w = st->W, c = st->C;
        var vw = Vector<float>.Count;
        var max = st->Max;
        var first = true;
        for (var y = y0; y < y1; y++)
            for (var xx = x0; xx < x1; xx++)
            {
                var p = image + ((long)y * w + xx) * c;
                if (first)
                {
                    new ReadOnlySpan<float>(p, c).CopyTo(new Span<float>(o, c));
                    first = false;
                    continue;
                }
                var ch = 0;
                for (; ch + vw <= c; ch += vw)
                {
                    var a = Vector.Load(o + ch);
                    var v = Vector.Load(p + ch);
                    (max ? Vector.Max(a, v) : a + v).Store(o + ch);
                }
                for (; ch < c; ch++) o[ch] = max ? MathF.Max(o[ch], p[ch]) : o[ch] + p[ch];
            }
        if (first) new Span<float>(o, c).Clear();
        else if (!max)
        {
            var inv = 1f / ((y1 - y0) * (x1 - x0));
            for (var ch = 0; ch < c; ch++) o[ch] *= inv;
        }
        if (st->Relu)
            for (var ch = 0; ch < c; ch++) o[ch] = MathF.Max(o[ch], 0);
    }

    /// <summary>Max pool of concat(x, -x) over the window: max(x) into o[0, C), -min(x) into o[C, 2C).</summary>
    private static void PoolCRelu(State* st, float* image, int y0, int y1, int x0, int x1, float* hi)
    {
        int w = st->W, c = st->C;
        var vw = Vector<float>.Count;
        var lo = hi + c;
        var first = true;
        for (var y = y0; y < y1; y++)
            for (var xx = x0; xx < x1; xx++)
            {
                var p = image + ((long)y * w + xx) * c;
                var ch = 0;
                if (first)
                {
                    for (; ch < c; ch++) { hi[ch] = p[ch]; lo[ch] = p[ch]; }
                    first = false;
                    continue;
                }
                for (; ch + vw <= c; ch += vw)
                {
                    var v = Vector.Load(p + ch);
                    Vector.Max(Vector.Load(hi + ch), v).Store(hi + ch);
                    Vector.Min(Vector.Load(lo + ch), v).Store(lo + ch);
                }
                for (; ch < c; ch++) { hi[ch] = MathF.Max(hi[ch], p[ch]); lo[ch] = MathF.Min(lo[ch], p[ch]); }
            }
        for (var ch = 0; ch < c; ch++)
        {
            var a = first ? 0 : hi[ch];
            var m = first ? 0 : -lo[ch];
            hi[ch] = st->Relu ? MathF.Max(a, 0) : a;
            lo[ch] = st->Relu ? MathF.Max(m, 0) : m;
        }
    }
}
