using System.Numerics;
using System.Runtime.InteropServices;

namespace OpenLfr.Inference.Operators;

/// <summary>SIMD loops for the three broadcast shapes that cover almost all graph traffic, with an optional fused ReLU.</summary>
internal static class BinaryLoops
{
    /// <summary>out[i] = f(a[i], b[i]).</summary>
    public static void Same<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> output, bool relu) where TOp : IBinaryOp
    {
        var i = 0;
        var n = output.Length;
        var w = Vector<float>.Count;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a[..n]);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b[..n]);
        var vo = MemoryMarshal.Cast<float, Vector<float>>(output);
        if (relu)
            for (var v = 0; v < vo.Length; v++) vo[v] = Vector.Max(TOp.Apply(va[v], vb[v]), Vector<float>.Zero);
        else
            for (var v = 0; v < vo.Length; v++) vo[v] = TOp.Apply(va[v], vb[v]);
        i = vo.Length * w;
        for (; i < n; i++)
        {
            var r = TOp.Apply(a[i], b[i]);
            output[i] = relu ? MathF.Max(r, 0) : r;
        }
    }

    /// <summary>out[i] = f(a[i], b[i % b.Length]) (b repeats along the leading dimensions), or swapped when <paramref name="bFirst"/>.</summary>
    public static void Repeat<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> output, bool bFirst, bool relu) where TOp : IBinaryOp
    {
        var period = b.Length;
        if (period == 1)
        {
            Scalar<TOp>(a, b[0], output, bFirst, relu);
            return;
        }
        var w = Vector<float>.Count;
        for (var start = 0; start < output.Length; start += period)
        {
            var aRow = a.Slice(start, period);
            var oRow = output.Slice(start, period);
            var c = 0;
            for (; c + w <= period; c += w)
            {
                var x = new Vector<float>(aRow[c..]);
                var y = new Vector<float>(b[c..]);
                var r = bFirst ? TOp.Apply(y, x) : TOp.Apply(x, y);
                if (relu) r = Vector.Max(r, Vector<float>.Zero);
                r.CopyTo(oRow[c..]);
            }
            for (; c < period; c++)
            {
                var r = bFirst ? TOp.Apply(b[c], aRow[c]) : TOp.Apply(aRow[c], b[c]);
                oRow[c] = relu ? MathF.Max(r, 0) : r;
            }
        }
    }

    public static void Scalar<TOp>(ReadOnlySpan<float> a, float s, Span<float> output, bool sFirst, bool relu) where TOp : IBinaryOp
    {
        var n = output.Length;
        var vs = new Vector<float>(s);
        var va = MemoryMarshal.Cast<float, Vector<float>>(a[..n]);
        var vo = MemoryMarshal.Cast<float, Vector<float>>(output);
        for (var v = 0; v < vo.Length; v++)
        {
            var r = sFirst ? TOp.Apply(vs, va[v]) : TOp.Apply(va[v], vs);
            vo[v] = relu ? Vector.Max(r, Vector<float>.Zero) : r;
        }
        for (var i = vo.Length * Vector<float>.Count; i < n; i++)
        {
            var r = sFirst ? TOp.Apply(s, a[i]) : TOp.Apply(a[i], s);
            output[i] = relu ? MathF.Max(r, 0) : r;
        }
    }
}
