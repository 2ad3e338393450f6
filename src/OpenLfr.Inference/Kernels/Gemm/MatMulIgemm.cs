using System.Runtime.CompilerServices;

namespace OpenLfr.Inference.Kernels.Gemm;

/// <summary>MatMul on the IGEMM micro-kernels: one tap, each GEMM row a row of the input.</summary>
internal sealed unsafe class MatMulIgemm : MatMulKernel
{
    private readonly PackedGemmWeights _weights;
    private readonly KernelIsa _isa;

    public MatMulIgemm(int k, int n, ReadOnlySpan<float> weights, Epilogue epilogue, bool transposeWeights, KernelIsa isa)
        : base(k, n)
    {
        _isa = isa;
        var (bias, slope, upper) = epilogue.Expand(n);
        _weights = new PackedGemmWeights(weights, k, n, IgemmTile.PanelWidth(isa), transposeWeights, bias, slope, upper);
    }

    private struct State
    {
        public float* Input, Output, Panels, Slopes;
        public float Upper;
        public KernelIsa Isa;
        public int M, K, N, NR, PanelStride, PanelCount, TileCount;
        public int TilesPerBlock, PanelsPerBlock, PanelBlocks;
    }

    public override void Run(ReadOnlySpan<float> input, int m, Span<float> output, Parallelism parallelism)
    {
        CheckRun(input, m, output);
        fixed (float* inPtr = input, outPtr = output)
        {
            var s = new State
            {
                Input = inPtr,
                Output = outPtr,
                Panels = _weights.DataPointer,
                Slopes = _weights.SlopePointer,
                Upper = _weights.Upper,
                Isa = _isa,
                M = m,
                K = K,
                N = N,
                NR = _weights.NR,
                PanelStride = _weights.PanelStride,
                PanelCount = _weights.Panels,
                TileCount = (m + 7) / 8,
            };
            int items = IgemmSchedule.Plan(m, s.PanelCount, parallelism.Threads, out s.TilesPerBlock, out s.PanelsPerBlock, out s.PanelBlocks);
            parallelism.For(items, &Work, &s);
        }
    }

    private static void Work(void* state, int item)
    {
        ref State s = ref Unsafe.AsRef<State>(state);
        float** a = stackalloc float*[8];
        int tileBlock = item / s.PanelBlocks, panelBlock = item % s.PanelBlocks;
        int tileEnd = Math.Min(s.TileCount, (tileBlock + 1) * s.TilesPerBlock);
        int p0 = panelBlock * s.PanelsPerBlock, p1 = Math.Min(s.PanelCount, p0 + s.PanelsPerBlock);
        for (int tile = tileBlock * s.TilesPerBlock; tile < tileEnd; tile++)
        {
            int m0 = tile * 8, rows = Math.Min(8, s.M - m0);
            for (int r = 0; r < rows; r++) a[r] = s.Input + (long)(m0 + r) * s.K;
            float* c = s.Output + (long)m0 * s.N;
            for (int p = p0; p < p1; p++)
            {
                int nc = Math.Min(s.NR, s.N - p * s.NR);
                IgemmTile.Run(s.Isa, rows, nc, 1, s.K, a, s.Panels + (long)p * s.PanelStride, c + p * s.NR, s.N, s.Slopes + p * s.NR, s.Upper);
            }
        }
    }
}
