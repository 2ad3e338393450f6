using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenLfr.Inference.Kernels.DepthwiseConv;

/// <summary>
/// Depthwise row micro-kernel, AVX2 + FMA3, with 3x3 and 5x5 stride 1 and 2 fast paths: one output row of an NHWC depthwise convolution (multiplier 1),
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
        if (dilationW == 1 && (kw == 3 || kw == 5) && (strideW == 1 || strideW == 2))
        {
            // The common depthwise shapes: fully unrolled taps with shared input loads.
            for (; ox + 8 <= oxInteriorEnd; ox += 8)
            {
                if (kw == 3 && strideW == 1) Group8K3S1(input, output, filter, bias, slope, hi, c, inW, dilationH, padLeft, ky0, ky1, iy0, ox);
                else if (kw == 3) Group8K3S2(input, output, filter, bias, slope, hi, c, inW, dilationH, padLeft, ky0, ky1, iy0, ox);
                else if (strideW == 1) Group8K5S1(input, output, filter, bias, slope, hi, c, inW, dilationH, padLeft, ky0, ky1, iy0, ox);
                else Group8K5S2(input, output, filter, bias, slope, hi, c, inW, dilationH, padLeft, ky0, ky1, iy0, ox);
            }
        }
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

    /// <summary>8 interior pixels, 3-wide kernel rows at stride 1, dilation 1: each input vector is loaded once and feeds every (pixel, tap) pair that reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group8K3S1(float* input, float* output, float* filter, float* bias, float* slope, Vector256<float> hi,
        int c, int inW, int dilationH, int padLeft, int ky0, int ky1, int iy0, int ox)
    {
        int ix = ox * 1 - padLeft;
        int lastBlock = c - Width;
        for (int cb = 0; ; cb += Width)
        {
            if (cb > lastBlock) cb = lastBlock;
            var b = Vector256.Load(bias + cb);
            var a0 = b; var a1 = b; var a2 = b; var a3 = b; var a4 = b; var a5 = b; var a6 = b; var a7 = b;
            for (int ky = ky0; ky < ky1; ky++)
            {
                float* px = input + ((long)(iy0 + ky * dilationH) * inW + ix) * c + cb;
                float* wk = filter + (long)ky * 3 * c + cb;
                var w0 = Vector256.Load(wk);
                var w1 = Vector256.Load(wk + c);
                var w2 = Vector256.Load(wk + 2 * c);
                var x0 = Vector256.Load(px);
                a0 = Fma.MultiplyAdd(x0, w0, a0);
                var x1 = Vector256.Load(px + c);
                a0 = Fma.MultiplyAdd(x1, w1, a0);
                a1 = Fma.MultiplyAdd(x1, w0, a1);
                var x2 = Vector256.Load(px + 2 * c);
                a0 = Fma.MultiplyAdd(x2, w2, a0);
                a1 = Fma.MultiplyAdd(x2, w1, a1);
                a2 = Fma.MultiplyAdd(x2, w0, a2);
                var x3 = Vector256.Load(px + 3 * c);
                a1 = Fma.MultiplyAdd(x3, w2, a1);
                a2 = Fma.MultiplyAdd(x3, w1, a2);
                a3 = Fma.MultiplyAdd(x3, w0, a3);
                var x4 = Vector256.Load(px + 4 * c);
                a2 = Fma.MultiplyAdd(x4, w2, a2);
                a3 = Fma.MultiplyAdd(x4, w1, a3);
                a4 = Fma.MultiplyAdd(x4, w0, a4);
                var x5 = Vector256.Load(px + 5 * c);
                a3 = Fma.MultiplyAdd(x5, w2, a3);
                a4 = Fma.MultiplyAdd(x5, w1, a4);
                a5 = Fma.MultiplyAdd(x5, w0, a5);
                var x6 = Vector256.Load(px + 6 * c);
                a4 = Fma.MultiplyAdd(x6, w2, a4);
                a5 = Fma.MultiplyAdd(x6, w1, a5);
                a6 = Fma.MultiplyAdd(x6, w0, a6);
                var x7 = Vector256.Load(px + 7 * c);
                a5 = Fma.MultiplyAdd(x7, w2, a5);
                a6 = Fma.MultiplyAdd(x7, w1, a6);
                a7 = Fma.MultiplyAdd(x7, w0, a7);
                var x8 = Vector256.Load(px + 8 * c);
                a6 = Fma.MultiplyAdd(x8, w2, a6);
                a7 = Fma.MultiplyAdd(x8, w1, a7);
                var x9 = Vector256.Load(px + 9 * c);
                a7 = Fma.MultiplyAdd(x9, w2, a7);
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

    /// <summary>8 interior pixels, 3-wide kernel rows at stride 2, dilation 1: each input vector is loaded once and feeds every (pixel, tap) pair that reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group8K3S2(float* input, float* output, float* filter, float* bias, float* slope, Vector256<float> hi,
        int c, int inW, int dilationH, int padLeft, int ky0, int ky1, int iy0, int ox)
    {
        int ix = ox * 2 - padLeft;
        int lastBlock = c - Width;
        for (int cb = 0; ; cb += Width)
        {
            if (cb > lastBlock) cb = lastBlock;
            var b = Vector256.Load(bias + cb);
            var a0 = b; var a1 = b; var a2 = b; var a3 = b; var a4 = b; var a5 = b; var a6 = b; var a7 = b;
            for (int ky = ky0; ky < ky1; ky++)
            {
                float* px = input + ((long)(iy0 + ky * dilationH) * inW + ix) * c + cb;
                float* wk = filter + (long)ky * 3 * c + cb;
                var w0 = Vector256.Load(wk);
                var w1 = Vector256.Load(wk + c);
                var w2 = Vector256.Load(wk + 2 * c);
                var x0 = Vector256.Load(px);
                a0 = Fma.MultiplyAdd(x0, w0, a0);
                var x1 = Vector256.Load(px + c);
                a0 = Fma.MultiplyAdd(x1, w1, a0);
                var x2 = Vector256.Load(px + 2 * c);
                a0 = Fma.MultiplyAdd(x2, w2, a0);
                a1 = Fma.MultiplyAdd(x2, w0, a1);
                var x3 = Vector256.Load(px + 3 * c);
                a1 = Fma.MultiplyAdd(x3, w1, a1);
                var x4 = Vector256.Load(px + 4 * c);
                a1 = Fma.MultiplyAdd(x4, w2, a1);
                a2 = Fma.MultiplyAdd(x4, w0, a2);
                var x5 = Vector256.Load(px + 5 * c);
                a2 = Fma.MultiplyAdd(x5, w1, a2);
                var x6 = Vector256.Load(px + 6 * c);
                a2 = Fma.MultiplyAdd(x6, w2, a2);
                a3 = Fma.MultiplyAdd(x6, w0, a3);
                var x7 = Vector256.Load(px + 7 * c);
                a3 = Fma.MultiplyAdd(x7, w1, a3);
                var x8 = Vector256.Load(px + 8 * c);
                a3 = Fma.MultiplyAdd(x8, w2, a3);
                a4 = Fma.MultiplyAdd(x8, w0, a4);
                var x9 = Vector256.Load(px + 9 * c);
                a4 = Fma.MultiplyAdd(x9, w1, a4);
                var x10 = Vector256.Load(px + 10 * c);
                a4 = Fma.MultiplyAdd(x10, w2, a4);
                a5 = Fma.MultiplyAdd(x10, w0, a5);
                var x11 = Vector256.Load(px + 11 * c);
                a5 = Fma.MultiplyAdd(x11, w1, a5);
                var x12 = Vector256.Load(px + 12 * c);
                a5 = Fma.MultiplyAdd(x12, w2, a5);
                a6 = Fma.MultiplyAdd(x12, w0, a6);
                var x13 = Vector256.Load(px + 13 * c);
                a6 = Fma.MultiplyAdd(x13, w1, a6);
                var x14 = Vector256.Load(px + 14 * c);
                a6 = Fma.MultiplyAdd(x14, w2, a6);
                a7 = Fma.MultiplyAdd(x14, w0, a7);
                var x15 = Vector256.Load(px + 15 * c);
                a7 = Fma.MultiplyAdd(x15, w1, a7);
                var x16 = Vector256.Load(px + 16 * c);
                a7 = Fma.MultiplyAdd(x16, w2, a7);
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

    /// <summary>8 interior pixels, 5-wide kernel rows at stride 1, dilation 1: each input vector is loaded once and feeds every (pixel, tap) pair that reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group8K5S1(float* input, float* output, float* filter, float* bias, float* slope, Vector256<float> hi,
        int c, int inW, int dilationH, int padLeft, int ky0, int ky1, int iy0, int ox)
    {
        int ix = ox * 1 - padLeft;
        int lastBlock = c - Width;
        for (int cb = 0; ; cb += Width)
        {
            if (cb > lastBlock) cb = lastBlock;
            var b = Vector256.Load(bias + cb);
            var a0 = b; var a1 = b; var a2 = b; var a3 = b; var a4 = b; var a5 = b; var a6 = b; var a7 = b;
            for (int ky = ky0; ky < ky1; ky++)
            {
                float* px = input + ((long)(iy0 + ky * dilationH) * inW + ix) * c + cb;
                float* wk = filter + (long)ky * 5 * c + cb;
                var w0 = Vector256.Load(wk);
                var w1 = Vector256.Load(wk + c);
                var w2 = Vector256.Load(wk + 2 * c);
                var w3 = Vector256.Load(wk + 3 * c);
                var w4 = Vector256.Load(wk + 4 * c);
                var x0 = Vector256.Load(px);
                a0 = Fma.MultiplyAdd(x0, w0, a0);
                var x1 = Vector256.Load(px + c);
                a0 = Fma.MultiplyAdd(x1, w1, a0);
                a1 = Fma.MultiplyAdd(x1, w0, a1);
                var x2 = Vector256.Load(px + 2 * c);
                a0 = Fma.MultiplyAdd(x2, w2, a0);
                a1 = Fma.MultiplyAdd(x2, w1, a1);
                a2 = Fma.MultiplyAdd(x2, w0, a2);
                var x3 = Vector256.Load(px + 3 * c);
                a0 = Fma.MultiplyAdd(x3, w3, a0);
                a1 = Fma.MultiplyAdd(x3, w2, a1);
                a2 = Fma.MultiplyAdd(x3, w1, a2);
                a3 = Fma.MultiplyAdd(x3, w0, a3);
                var x4 = Vector256.Load(px + 4 * c);
                a0 = Fma.MultiplyAdd(x4, w4, a0);
                a1 = Fma.MultiplyAdd(x4, w3, a1);
                a2 = Fma.MultiplyAdd(x4, w2, a2);
                a3 = Fma.MultiplyAdd(x4, w1, a3);
                a4 = Fma.MultiplyAdd(x4, w0, a4);
                var x5 = Vector256.Load(px + 5 * c);
                a1 = Fma.MultiplyAdd(x5, w4, a1);
                a2 = Fma.MultiplyAdd(x5, w3, a2);
                a3 = Fma.MultiplyAdd(x5, w2, a3);
                a4 = Fma.MultiplyAdd(x5, w1, a4);
                a5 = Fma.MultiplyAdd(x5, w0, a5);
                var x6 = Vector256.Load(px + 6 * c);
                a2 = Fma.MultiplyAdd(x6, w4, a2);
                a3 = Fma.MultiplyAdd(x6, w3, a3);
                a4 = Fma.MultiplyAdd(x6, w2, a4);
                a5 = Fma.MultiplyAdd(x6, w1, a5);
                a6 = Fma.MultiplyAdd(x6, w0, a6);
                var x7 = Vector256.Load(px + 7 * c);
                a3 = Fma.MultiplyAdd(x7, w4, a3);
                a4 = Fma.MultiplyAdd(x7, w3, a4);
                a5 = Fma.MultiplyAdd(x7, w2, a5);
                a6 = Fma.MultiplyAdd(x7, w1, a6);
                a7 = Fma.MultiplyAdd(x7, w0, a7);
                var x8 = Vector256.Load(px + 8 * c);
                a4 = Fma.MultiplyAdd(x8, w4, a4);
                a5 = Fma.MultiplyAdd(x8, w3, a5);
                a6 = Fma.MultiplyAdd(x8, w2, a6);
                a7 = Fma.MultiplyAdd(x8, w1, a7);
                var x9 = Vector256.Load(px + 9 * c);
                a5 = Fma.MultiplyAdd(x9, w4, a5);
                a6 = Fma.MultiplyAdd(x9, w3, a6);
                a7 = Fma.MultiplyAdd(x9, w2, a7);
                var x10 = Vector256.Load(px + 10 * c);
                a6 = Fma.MultiplyAdd(x10, w4, a6);
                a7 = Fma.MultiplyAdd(x10, w3, a7);
                var x11 = Vector256.Load(px + 11 * c);
                a7 = Fma.MultiplyAdd(x11, w4, a7);
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

    /// <summary>8 interior pixels, 5-wide kernel rows at stride 2, dilation 1: each input vector is loaded once and feeds every (pixel, tap) pair that reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group8K5S2(float* input, float* output, float* filter, float* bias, float* slope, Vector256<float> hi,
        int c, int inW, int dilationH, int padLeft, int ky0, int ky1, int iy0, int ox)
    {
        int ix = ox * 2 - padLeft;
        int lastBlock = c - Width;
        for (int cb = 0; ; cb += Width)
        {
            if (cb > lastBlock) cb = lastBlock;
            var b = Vector256.Load(bias + cb);
            var a0 = b; var a1 = b; var a2 = b; var a3 = b; var a4 = b; var a5 = b; var a6 = b; var a7 = b;
            for (int ky = ky0; ky < ky1; ky++)
            {
                float* px = input + ((long)(iy0 + ky * dilationH) * inW + ix) * c + cb;
                float* wk = filter + (long)ky * 5 * c + cb;
                var w0 = Vector256.Load(wk);
                var w1 = Vector256.Load(wk + c);
                var w2 = Vector256.Load(wk + 2 * c);
                var w3 = Vector256.Load(wk + 3 * c);
                var w4 = Vector256.Load(wk + 4 * c);
                var x0 = Vector256.Load(px);
                a0 = Fma.MultiplyAdd(x0, w0, a0);
                var x1 = Vector256.Load(px + c);
                a0 = Fma.MultiplyAdd(x1, w1, a0);
                var x2 = Vector256.Load(px + 2 * c);
                a0 = Fma.MultiplyAdd(x2, w2, a0);
                a1 = Fma.MultiplyAdd(x2, w0, a1);
                var x3 = Vector256.Load(px + 3 * c);
                a0 = Fma.MultiplyAdd(x3, w3, a0);
                a1 = Fma.MultiplyAdd(x3, w1, a1);
                var x4 = Vector256.Load(px + 4 * c);
                a0 = Fma.MultiplyAdd(x4, w4, a0);
                a1 = Fma.MultiplyAdd(x4, w2, a1);
                a2 = Fma.MultiplyAdd(x4, w0, a2);
                var x5 = Vector256.Load(px + 5 * c);
                a1 = Fma.MultiplyAdd(x5, w3, a1);
                a2 = Fma.MultiplyAdd(x5, w1, a2);
                var x6 = Vector256.Load(px + 6 * c);
                a1 = Fma.MultiplyAdd(x6, w4, a1);
                a2 = Fma.MultiplyAdd(x6, w2, a2);
                a3 = Fma.MultiplyAdd(x6, w0, a3);
                var x7 = Vector256.Load(px + 7 * c);
                a2 = Fma.MultiplyAdd(x7, w3, a2);
                a3 = Fma.MultiplyAdd(x7, w1, a3);
                var x8 = Vector256.Load(px + 8 * c);
                a2 = Fma.MultiplyAdd(x8, w4, a2);
                a3 = Fma.MultiplyAdd(x8, w2, a3);
                a4 = Fma.MultiplyAdd(x8, w0, a4);
                var x9 = Vector256.Load(px + 9 * c);
                a3 = Fma.MultiplyAdd(x9, w3, a3);
                a4 = Fma.MultiplyAdd(x9, w1, a4);
                var x10 = Vector256.Load(px + 10 * c);
                a3 = Fma.MultiplyAdd(x10, w4, a3);
                a4 = Fma.MultiplyAdd(x10, w2, a4);
                a5 = Fma.MultiplyAdd(x10, w0, a5);
                var x11 = Vector256.Load(px + 11 * c);
                a4 = Fma.MultiplyAdd(x11, w3, a4);
                a5 = Fma.MultiplyAdd(x11, w1, a5);
                var x12 = Vector256.Load(px + 12 * c);
                a4 = Fma.MultiplyAdd(x12, w4, a4);
                a5 = Fma.MultiplyAdd(x12, w2, a5);
                a6 = Fma.MultiplyAdd(x12, w0, a6);
                var x13 = Vector256.Load(px + 13 * c);
                a5 = Fma.MultiplyAdd(x13, w3, a5);
                a6 = Fma.MultiplyAdd(x13, w1, a6);
                var x14 = Vector256.Load(px + 14 * c);
                a5 = Fma.MultiplyAdd(x14, w4, a5);
                a6 = Fma.MultiplyAdd(x14, w2, a6);
                a7 = Fma.MultiplyAdd(x14, w0, a7);
                var x15 = Vector256.Load(px + 15 * c);
                a6 = Fma.MultiplyAdd(x15, w3, a6);
                a7 = Fma.MultiplyAdd(x15, w1, a7);
                var x16 = Vector256.Load(px + 16 * c);
                a6 = Fma.MultiplyAdd(x16, w4, a6);
                a7 = Fma.MultiplyAdd(x16, w2, a7);
                var x17 = Vector256.Load(px + 17 * c);
                a7 = Fma.MultiplyAdd(x17, w3, a7);
                var x18 = Vector256.Load(px + 18 * c);
                a7 = Fma.MultiplyAdd(x18, w4, a7);
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
