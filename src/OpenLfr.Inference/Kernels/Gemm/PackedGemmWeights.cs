using System.Runtime.CompilerServices;

namespace OpenLfr.Inference.Kernels.Gemm;

/// <summary>
/// Weights of a GEMM packed once for the IGEMM micro-kernels: N split into panels of NR columns, each
/// panel stored as NR biases followed by K rows of NR weights (the last panel zero-padded), so the
/// micro-kernel streams one panel front to back. Also holds the epilogue's per-channel slopes padded to
/// whole panels. Arrays live on the pinned heap so kernels can hold raw pointers without fixing them.
/// </summary>
internal sealed unsafe class PackedGemmWeights
{
    /// <param name="weights">Row-major weights: element (k, n) at k * N + n, or n * K + k when transposed.</param>
    public PackedGemmWeights(ReadOnlySpan<float> weights, int k, int n, int nr, bool transposed, float[] bias, float[] slope, float upper)
    {
        K = k;
        N = n;
        NR = nr;
        Panels = (n + nr - 1) / nr;
        PanelStride = nr * (k + 1);
        Upper = upper;
        Data = GC.AllocateArray<float>(Panels * PanelStride, pinned: true);
        Slopes = GC.AllocateArray<float>(Panels * nr, pinned: true);
        for (int p = 0; p < Panels; p++)
        {
            int n0 = p * nr, nc = Math.Min(nr, n - n0);
            var panel = Data.AsSpan(p * PanelStride, PanelStride);
            bias.AsSpan(n0, nc).CopyTo(panel);
            for (int kk = 0; kk < k; kk++)
            {
                var row = panel.Slice(nr * (kk + 1), nc);
                for (int j = 0; j < nc; j++)
                    row[j] = transposed ? weights[(n0 + j) * k + kk] : weights[kk * n + n0 + j];
            }
            slope.AsSpan(n0, nc).CopyTo(Slopes.AsSpan(p * nr));
        }
    }

    public int K { get; }
    public int N { get; }
    public int NR { get; }
    public int Panels { get; }
    /// <summary>Floats per panel: NR biases plus K * NR weights.</summary>
    public int PanelStride { get; }
    public float Upper { get; }
    public float[] Data { get; }
    public float[] Slopes { get; }

    public float* DataPointer => (float*)Unsafe.AsPointer(ref Data[0]);
    public float* SlopePointer => (float*)Unsafe.AsPointer(ref Slopes[0]);
}
