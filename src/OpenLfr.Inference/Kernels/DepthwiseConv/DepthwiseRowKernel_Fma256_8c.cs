using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenLfr.Inference.Kernels.DepthwiseConv;

/// <summary>
/// Depthwise row micro-kernel, AVX2 + FMA3: one output row of an NHWC depthwise convolution (multiplier 1),
/// vectorised across channels 8 at a time. Interior pixels go 8 (then 4) at a time, each weight load
/// feeding 8 FMAs on 8 independent accumulators (enough chains to hide FMA latency); channel blocks are
/// the inner loop so memory is walked in order (channel-block-outer order thrashes L1 sets when C * 4
/// bytes is a large power of two). Border pixels clamp their tap range instead of reading padding.
/// A channel count that is not a multiple of 8 ends with an overlapping block (recomputing a few
/// channels is cheaper than a scalar tail). Needs C &gt;= 8.
/// </summary>
internal static unsafe class DepthwiseRowKernel_Fma256_8c
{
    public const int Width = 8;

    /// <param name="input">The image [inH, inW, C] of this batch element.</param>
    /// <param name="output">The output row [outW, C].</param>
    /// <param name="filter">Weights [KH, KW, C].</param>
    /// <param name="ky0">First kernel row inside the image for this output row.</param>
    /// <param name="ky1">One past the last kernel row inside the image.</param>
    /// <param name="iy0">Input row of kernel row 0 (may be negative).</param>
    public static void Row(float* input, float* output, float* filter, float* bias, float* slope, float upper,
        int c, int inW, int outW, int kh, int kw, int strideW, int dilationH, int dilationW, int padLeft,
        int ky0, int ky1, int iy0, int oxInteriorStart, int oxInteriorEnd)
    {
        var hi = Vector256.Create(upper);
        int ox = 0;
        for (; ox < oxInteriorStart; ox++) Pixel(input, output, filter, bias, slope, hi, c, inW, kw, strideW, dilationH, dilationW, padLeft, ky0, ky1, iy0, ox);
        for (; ox + 8 <= oxInteriorEnd; ox += 8) Group8(input, output, filter, bias, slope, hi, c, inW, kw, strideW, dilationH, dilationW, padLeft, ky0, ky1, iy0, ox);
        for (; ox + 4 <= oxInteriorEnd; ox += 4) Group4(input, output, filter, bias, slope, hi, c, inW, kw, strideW, dilationH, dilationW, padLeft, ky0, ky1, iy0, ox);
        for (; ox < outW; ox++) Pixel(input, output, filter, bias, slope, hi, c, inW, kw, strideW, dilationH, dilationW, padLeft, ky0, ky1, iy0, ox);
    }

    /// <summary>8 interior pixels (their whole kernel row inside the image) for every channel block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group8(float* input, float* output, float* filter, float* bias, float* slope, Vector256<float> hi,
        int c, int inW, int kw, int strideW, int dilationH, int dilationW, int padLeft, int ky0, int ky1, int iy0, int ox)
    {
        int ix = ox * strideW - padLeft;
        long step = (long)strideW * c;
        int lastBlock = c - Width;
        for (int cb = 0; ; cb += Width)
        {
            if (cb > lastBlock) cb = lastBlock;
            var b = Vector256.Load(bias + cb);
            var a0 = b; var a1 = b; var a2 = b; var a3 = b; var a4 = b; var a5 = b; var a6 = b; var a7 = b;
            for (int ky = ky0; ky < ky1; ky++)
            {
                float* px = input + ((long)(iy0 + ky * dilationH) * inW + ix) * c + cb;
                float* wk = filter + (long)ky * kw * c + cb;
                for (int kx = 0; kx < kw; kx++)
                {
                    var wv = Vector256.Load(wk);
                    a0 = Fma.MultiplyAdd(Vector256.Load(px), wv, a0);
                    a1 = Fma.MultiplyAdd(Vector256.Load(px + step), wv, a1);
                    a2 = Fma.MultiplyAdd(Vector256.Load(px + 2 * step), wv, a2);
                    a3 = Fma.MultiplyAdd(Vector256.Load(px + 3 * step), wv, a3);
                    a4 = Fma.MultiplyAdd(Vector256.Load(px + 4 * step), wv, a4);
                    a5 = Fma.MultiplyAdd(Vector256.Load(px + 5 * step), wv, a5);
                    a6 = Fma.MultiplyAdd(Vector256.Load(px + 6 * step), wv, a6);
                    a7 = Fma.MultiplyAdd(Vector256.Load(px + 7 * step), wv, a7);
                    px += (long)dilationW * c;
                    wk += c;
                }
            }
            var s = Vector256.Load(slope + cb);
            float* o = output + (long)ox * c + cb;
            Store(a0, s, hi, o);
            Store(a1, s, hi, o + c);
            Store(a2, s, hi, o + 2 * c);
            Store(a3, s, hi, o + 3 * c);
            Store(a4, s, hi, o + 4 * c);
            Store(a5, s, hi, o + 5 * c);
            Store(a6, s, hi, o + 6 * c);
            Store(a7, s, hi, o + 7 * c);
            if (cb == lastBlock) break;
        }
    }

    /// <summary>4 interior pixels (their whole kernel row inside the image) for every channel block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group4(float* input, float* output, float* filter, float* bias, float* slope, Vector256<float> hi,
        int c, int inW, int kw, int strideW, int dilationH, int dilationW, int padLeft, int ky0, int ky1, int iy0, int ox)
    {
        int ix = ox * strideW - padLeft;
        long step = (long)strideW * c;
        int lastBlock = c - Width;
        for (int cb = 0; ; cb += Width)
        {
            if (cb > lastBlock) cb = lastBlock;
            var b = Vector256.Load(bias + cb);
            var a0 = b; var a1 = b; var a2 = b; var a3 = b;
            for (int ky = ky0; ky < ky1; ky++)
            {
                float* px = input + ((long)(iy0 + ky * dilationH) * inW + ix) * c + cb;
                float* wk = filter + (long)ky * kw * c + cb;
                for (int kx = 0; kx < kw; kx++)
                {
                    var wv = Vector256.Load(wk);
                    a0 = Fma.MultiplyAdd(Vector256.Load(px), wv, a0);
                    a1 = Fma.MultiplyAdd(Vector256.Load(px + step), wv, a1);
                    a2 = Fma.MultiplyAdd(Vector256.Load(px + 2 * step), wv, a2);
                    a3 = Fma.MultiplyAdd(Vector256.Load(px + 3 * step), wv, a3);
                    px += (long)dilationW * c;
                    wk += c;
                }
            }
            var s = Vector256.Load(slope + cb);
            float* o = output + (long)ox * c + cb;
            Store(a0, s, hi, o);
            Store(a1, s, hi, o + c);
            Store(a2, s, hi, o + 2 * c);
            Store(a3, s, hi, o + 3 * c);
            if (cb == lastBlock) break;
        }
    }

    /// <summary>One pixel anywhere (borders included), every channel block.</summary>
    private static void Pixel(float* input, float* output, float* filter, float* bias, float* slope, Vector256<float> hi,
        int c, int inW, int kw, int strideW, int dilationH, int dilationW, int padLeft, int ky0, int ky1, int iy0, int ox)
    {
        int ix0 = ox * strideW - padLeft;
        int kx0 = ix0 >= 0 ? 0 : (-ix0 + dilationW - 1) / dilationW;
        int kx1 = Math.Min(kw, (inW - ix0 + dilationW - 1) / dilationW);
        int cb = 0;
        // Four channel blocks at once: four independent FMA chains instead of one latency-bound chain.
        for (; cb + 4 * Width <= c; cb += 4 * Width)
        {
            var acc0 = Vector256.Load(bias + cb);
            var acc1 = Vector256.Load(bias + cb + Width);
            var acc2 = Vector256.Load(bias + cb + 2 * Width);
            var acc3 = Vector256.Load(bias + cb + 3 * Width);
            for (int ky = ky0; ky < ky1; ky++)
            {
                float* row = input + (long)(iy0 + ky * dilationH) * inW * c + cb;
                float* wk = filter + (long)ky * kw * c + cb;
                for (int kx = kx0; kx < kx1; kx++)
                {
                    float* px = row + (long)(ix0 + kx * dilationW) * c;
                    float* wx = wk + (long)kx * c;
                    acc0 = Fma.MultiplyAdd(Vector256.Load(px), Vector256.Load(wx), acc0);
                    acc1 = Fma.MultiplyAdd(Vector256.Load(px + Width), Vector256.Load(wx + Width), acc1);
                    acc2 = Fma.MultiplyAdd(Vector256.Load(px + 2 * Width), Vector256.Load(wx + 2 * Width), acc2);
                    acc3 = Fma.MultiplyAdd(Vector256.Load(px + 3 * Width), Vector256.Load(wx + 3 * Width), acc3);
                }
            }
            float* o = output + (long)ox * c + cb;
            Store(acc0, Vector256.Load(slope + cb), hi, o);
            Store(acc1, Vector256.Load(slope + cb + Width), hi, o + Width);
            Store(acc2, Vector256.Load(slope + cb + 2 * Width), hi, o + 2 * Width);
            Store(acc3, Vector256.Load(slope + cb + 3 * Width), hi, o + 3 * Width);
        }
        if (cb == c) return;
        int lastBlock = c - Width;
        for (; ; cb += Width)
        {
            if (cb > lastBlock) cb = lastBlock;
            var acc = Vector256.Load(bias + cb);
            for (int ky = ky0; ky < ky1; ky++)
            {
                float* row = input + (long)(iy0 + ky * dilationH) * inW * c + cb;
                float* wk = filter + (long)ky * kw * c + cb;
                for (int kx = kx0; kx < kx1; kx++)
                    acc = Fma.MultiplyAdd(Vector256.Load(row + (long)(ix0 + kx * dilationW) * c), Vector256.Load(wk + (long)kx * c), acc);
            }
            Store(acc, Vector256.Load(slope + cb), hi, output + (long)ox * c + cb);
            if (cb == lastBlock) break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> x, Vector256<float> s, Vector256<float> hi, float* o)
    {
        var zero = Vector256<float>.Zero;
        Vector256.Min(Fma.MultiplyAdd(s, Vector256.Min(x, zero), Vector256.Max(x, zero)), hi).Store(o);
    }
}
