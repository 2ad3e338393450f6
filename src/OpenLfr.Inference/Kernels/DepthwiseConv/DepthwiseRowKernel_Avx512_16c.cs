using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenLfr.Inference.Kernels.DepthwiseConv;

/// <summary>
/// Depthwise row micro-kernel, AVX-512F: one output row of an NHWC depthwise convolution (multiplier 1),
/// vectorised across channels 16 at a time. Channel blocks are the outer loop so a block's weights stay
/// hot; interior pixels go 4 at a time so each weight load feeds 4 FMAs; border pixels clamp their
/// tap range instead of reading padding. A channel count that is not a multiple of 16 ends with an
/// overlapping block (recomputing a few channels is cheaper than a scalar tail). Needs C &gt;= 16.
/// </summary>
internal static unsafe class DepthwiseRowKernel_Avx512_16c
{
    public const int Width = 16;

    /// <param name="input">The image [inH, inW, C] of this batch element.</param>
    /// <param name="output">The output row [outW, C].</param>
    /// <param name="filter">Weights [KH, KW, C].</param>
    /// <param name="ky0">First kernel row inside the image for this output row.</param>
    /// <param name="ky1">One past the last kernel row inside the image.</param>
    /// <param name="iy0">Input row of kernel row 0 (may be negative).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Row(float* input, float* output, float* filter, float* bias, float* slope, float upper,
        int c, int inW, int outW, int kh, int kw, int strideW, int dilationH, int dilationW, int padLeft,
        int ky0, int ky1, int iy0, int oxInteriorStart, int oxInteriorEnd)
    {
        var hi = Vector512.Create(upper);
        int lastBlock = c - Width;
        for (int cb = 0; ; cb += Width)
        {
            if (cb > lastBlock) cb = lastBlock;
            var b = Vector512.Load(bias + cb);
            var s = Vector512.Load(slope + cb);
            float* w = filter + cb;
            float* inC = input + cb;
            float* outC = output + cb;
            int ox = 0;
            for (; ox < oxInteriorStart; ox++) Pixel(inC, outC, w, b, s, hi, c, inW, kw, strideW, dilationH, dilationW, padLeft, ky0, ky1, iy0, ox);
            for (; ox + 4 <= oxInteriorEnd; ox += 4)
            {
                var a0 = b; var a1 = b; var a2 = b; var a3 = b;
                int ix = ox * strideW - padLeft;
                for (int ky = ky0; ky < ky1; ky++)
                {
                    float* px = inC + ((long)(iy0 + ky * dilationH) * inW + ix) * c;
                    float* wk = w + (long)ky * kw * c;
                    long step = (long)strideW * c;
                    for (int kx = 0; kx < kw; kx++)
                    {
                        var wv = Vector512.Load(wk);
                        a0 = Avx512F.FusedMultiplyAdd(Vector512.Load(px), wv, a0);
                        a1 = Avx512F.FusedMultiplyAdd(Vector512.Load(px + step), wv, a1);
                        a2 = Avx512F.FusedMultiplyAdd(Vector512.Load(px + 2 * step), wv, a2);
                        a3 = Avx512F.FusedMultiplyAdd(Vector512.Load(px + 3 * step), wv, a3);
                        px += (long)dilationW * c;
                        wk += c;
                    }
                }
                float* o = outC + (long)ox * c;
                Store(a0, s, hi, o);
                Store(a1, s, hi, o + c);
                Store(a2, s, hi, o + 2 * c);
                Store(a3, s, hi, o + 3 * c);
            }
            for (; ox < outW; ox++) Pixel(inC, outC, w, b, s, hi, c, inW, kw, strideW, dilationH, dilationW, padLeft, ky0, ky1, iy0, ox);
            if (cb == lastBlock) break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pixel(float* inC, float* outC, float* w, Vector512<float> b, Vector512<float> s, Vector512<float> hi,
        int c, int inW, int kw, int strideW, int dilationH, int dilationW, int padLeft, int ky0, int ky1, int iy0, int ox)
    {
        int ix0 = ox * strideW - padLeft;
        int kx0 = ix0 >= 0 ? 0 : (-ix0 + dilationW - 1) / dilationW;
        int kx1 = Math.Min(kw, (inW - ix0 + dilationW - 1) / dilationW);
        var acc = b;
        for (int ky = ky0; ky < ky1; ky++)
        {
            float* row = inC + (long)(iy0 + ky * dilationH) * inW * c;
            float* wk = w + (long)ky * kw * c;
            for (int kx = kx0; kx < kx1; kx++)
                acc = Avx512F.FusedMultiplyAdd(Vector512.Load(row + (long)(ix0 + kx * dilationW) * c), Vector512.Load(wk + (long)kx * c), acc);
        }
        Store(acc, s, hi, outC + (long)ox * c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> x, Vector512<float> s, Vector512<float> hi, float* o)
    {
        var zero = Vector512<float>.Zero;
        Vector512.Min(Avx512F.FusedMultiplyAdd(s, Vector512.Min(x, zero), Vector512.Max(x, zero)), hi).Store(o);
    }
}
