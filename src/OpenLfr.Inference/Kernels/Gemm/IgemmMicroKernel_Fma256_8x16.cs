using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenLfr.Inference.Kernels.Gemm;

/// <summary>
/// Indirect GEMM micro-kernel, AVX2 + FMA3, up to 8 rows x 16 columns (Vector256&lt;float&gt; x 2 per row):
/// C[r, 0..nc) = epilogue(bias + sum over taps t and k of A[t][r][k] * W[t, k, 0..NR)).
/// The A rows are given as pointers per tap (a[t * 8 + r]), so the same kernel serves 1x1
/// convolutions and matmuls (one tap, rows of the input) and KxK convolutions (one tap per kernel
/// row or position, rows pointing into the padded input): no im2col copy.
/// The weight panel is packed as 16 bias values, then taps * kc rows of 16 weights (zero-padded).
/// Accumulators live in registers for the whole K loop; the epilogue is applied on the register tile.
/// TRows and TCols are compile-time tile sizes (see <see cref="IGemmRows"/>): one source, every tile.
/// </summary>
internal static unsafe class IgemmMicroKernel_Fma256_8x16
{
    public const int NR = 16;

    /// <summary>Runs a tile of TRows rows by TCols vectors (TCols 1 serves panels with nc &lt;= NR / 2); output row r starts at c + r * ldc; nc columns are stored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TRows, TCols>(int nc, int taps, int kc, float** a, float* w, float* c, int ldc, float* slope, float upper)
        where TRows : struct, IGemmRows
        where TCols : struct, IGemmCols
    {
        var bias0 = Vector256.Load(w);
        var bias1 = TCols.Count > 1 ? Vector256.Load(w + 8) : default;
        Vector256<float> c00 = bias0, c01 = bias1;
        Vector256<float> c10 = bias0, c11 = bias1;
        Vector256<float> c20 = bias0, c21 = bias1;
        Vector256<float> c30 = bias0, c31 = bias1;
        Vector256<float> c40 = bias0, c41 = bias1;
        Vector256<float> c50 = bias0, c51 = bias1;
        Vector256<float> c60 = bias0, c61 = bias1;
        Vector256<float> c70 = bias0, c71 = bias1;
        w += 16;
        for (int t = 0; t < taps; t++)
        {
            float* a0 = a[0];
            float* a1 = TRows.Count > 1 ? a[1] : a0;
            float* a2 = TRows.Count > 2 ? a[2] : a0;
            float* a3 = TRows.Count > 3 ? a[3] : a0;
            float* a4 = TRows.Count > 4 ? a[4] : a0;
            float* a5 = TRows.Count > 5 ? a[5] : a0;
            float* a6 = TRows.Count > 6 ? a[6] : a0;
            float* a7 = TRows.Count > 7 ? a[7] : a0;
            a += 8;
            for (int k = 0; k < kc; k++)
            {
                var b0 = Vector256.Load(w);
                var b1 = TCols.Count > 1 ? Vector256.Load(w + 8) : default;
                w += 16;
                var x0 = Vector256.Create(a0[k]);
                c00 = Fma.MultiplyAdd(x0, b0, c00);
                if (TCols.Count > 1) c01 = Fma.MultiplyAdd(x0, b1, c01);
                if (TRows.Count > 1)
                {
                    var x1 = Vector256.Create(a1[k]);
                    c10 = Fma.MultiplyAdd(x1, b0, c10);
                    if (TCols.Count > 1) c11 = Fma.MultiplyAdd(x1, b1, c11);
                }
                if (TRows.Count > 2)
                {
                    var x2 = Vector256.Create(a2[k]);
                    c20 = Fma.MultiplyAdd(x2, b0, c20);
                    if (TCols.Count > 1) c21 = Fma.MultiplyAdd(x2, b1, c21);
                }
                if (TRows.Count > 3)
                {
                    var x3 = Vector256.Create(a3[k]);
                    c30 = Fma.MultiplyAdd(x3, b0, c30);
                    if (TCols.Count > 1) c31 = Fma.MultiplyAdd(x3, b1, c31);
                }
                if (TRows.Count > 4)
                {
                    var x4 = Vector256.Create(a4[k]);
                    c40 = Fma.MultiplyAdd(x4, b0, c40);
                    if (TCols.Count > 1) c41 = Fma.MultiplyAdd(x4, b1, c41);
                }
                if (TRows.Count > 5)
                {
                    var x5 = Vector256.Create(a5[k]);
                    c50 = Fma.MultiplyAdd(x5, b0, c50);
                    if (TCols.Count > 1) c51 = Fma.MultiplyAdd(x5, b1, c51);
                }
                if (TRows.Count > 6)
                {
                    var x6 = Vector256.Create(a6[k]);
                    c60 = Fma.MultiplyAdd(x6, b0, c60);
                    if (TCols.Count > 1) c61 = Fma.MultiplyAdd(x6, b1, c61);
                }
                if (TRows.Count > 7)
                {
                    var x7 = Vector256.Create(a7[k]);
                    c70 = Fma.MultiplyAdd(x7, b0, c70);
                    if (TCols.Count > 1) c71 = Fma.MultiplyAdd(x7, b1, c71);
                }
            }
        }

        var s0 = Vector256.Load(slope);
        var s1 = TCols.Count > 1 ? Vector256.Load(slope + 8) : default;
        var hi = Vector256.Create(upper);
        if (nc == TCols.Count * 8)
        {
            Store<TCols>(c00, c01, s0, s1, hi, c + 0 * ldc);
            if (TRows.Count > 1)
            {
                Store<TCols>(c10, c11, s0, s1, hi, c + 1 * ldc);
            }
            if (TRows.Count > 2)
            {
                Store<TCols>(c20, c21, s0, s1, hi, c + 2 * ldc);
            }
            if (TRows.Count > 3)
            {
                Store<TCols>(c30, c31, s0, s1, hi, c + 3 * ldc);
            }
            if (TRows.Count > 4)
            {
                Store<TCols>(c40, c41, s0, s1, hi, c + 4 * ldc);
            }
            if (TRows.Count > 5)
            {
                Store<TCols>(c50, c51, s0, s1, hi, c + 5 * ldc);
            }
            if (TRows.Count > 6)
            {
                Store<TCols>(c60, c61, s0, s1, hi, c + 6 * ldc);
            }
            if (TRows.Count > 7)
            {
                Store<TCols>(c70, c71, s0, s1, hi, c + 7 * ldc);
            }
        }
        else
        {
            var m0 = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(nc)).AsSingle();
            var m1 = Vector256.LessThan(Vector256<int>.Indices + Vector256.Create(8), Vector256.Create(nc)).AsSingle();
            MaskedStore<TCols>(c00, c01, s0, s1, hi, m0, m1, c + 0 * ldc);
            if (TRows.Count > 1)
            {
                MaskedStore<TCols>(c10, c11, s0, s1, hi, m0, m1, c + 1 * ldc);
            }
            if (TRows.Count > 2)
            {
                MaskedStore<TCols>(c20, c21, s0, s1, hi, m0, m1, c + 2 * ldc);
            }
            if (TRows.Count > 3)
            {
                MaskedStore<TCols>(c30, c31, s0, s1, hi, m0, m1, c + 3 * ldc);
            }
            if (TRows.Count > 4)
            {
                MaskedStore<TCols>(c40, c41, s0, s1, hi, m0, m1, c + 4 * ldc);
            }
            if (TRows.Count > 5)
            {
                MaskedStore<TCols>(c50, c51, s0, s1, hi, m0, m1, c + 5 * ldc);
            }
            if (TRows.Count > 6)
            {
                MaskedStore<TCols>(c60, c61, s0, s1, hi, m0, m1, c + 6 * ldc);
            }
            if (TRows.Count > 7)
            {
                MaskedStore<TCols>(c70, c71, s0, s1, hi, m0, m1, c + 7 * ldc);
            }
        }
    }

    /// <summary>y = min(max(x, 0) + slope * min(x, 0), upper): bias-added accumulators to activations, branch-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TCols>(Vector256<float> x0, Vector256<float> x1, Vector256<float> s0, Vector256<float> s1, Vector256<float> hi, float* c)
        where TCols : struct, IGemmCols
    {
        var zero = Vector256<float>.Zero;
        Vector256.Min(Fma.MultiplyAdd(s0, Vector256.Min(x0, zero), Vector256.Max(x0, zero)), hi).Store(c);
        if (TCols.Count > 1) Vector256.Min(Fma.MultiplyAdd(s1, Vector256.Min(x1, zero), Vector256.Max(x1, zero)), hi).Store(c + 8);
    }

    /// <summary>The same for a partial panel: lanes at or beyond nc are masked off (and cannot fault past the buffer end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MaskedStore<TCols>(Vector256<float> x0, Vector256<float> x1, Vector256<float> s0, Vector256<float> s1, Vector256<float> hi, Vector256<float> m0, Vector256<float> m1, float* c)
        where TCols : struct, IGemmCols
    {
        var zero = Vector256<float>.Zero;
        Avx.MaskStore(c, m0, Vector256.Min(Fma.MultiplyAdd(s0, Vector256.Min(x0, zero), Vector256.Max(x0, zero)), hi));
        if (TCols.Count > 1) Avx.MaskStore(c + 8, m1, Vector256.Min(Fma.MultiplyAdd(s1, Vector256.Min(x1, zero), Vector256.Max(x1, zero)), hi));
    }
}
