using System.Runtime.CompilerServices;
using OpenLfr.Inference.Kernels.Gemm;

namespace OpenLfr.Inference.Kernels.Conv;

/// <summary>
/// Convolution as an indirect GEMM over NHWC: output pixels are GEMM rows, output channels GEMM columns
/// (packed panels), and the reduction runs over taps, each tap a contiguous run of the input read in
/// place (no im2col copy, no workspace). A 1x1 stride-1 convolution is a plain GEMM
/// [N*H*W, Cin] x [Cin, Cout] straight on the input. When Cin is small a whole kernel row (KW * Cin
/// floats) is one tap, which keeps the K loop long even for Cin = 3; otherwise each kernel position is
/// a tap. Taps in the padding point at a zero row; kernel-row taps that straddle the left or right
/// border are assembled in a small per-tile scratch on the stack. Parallel over blocks of output rows
/// (or of panels when rows are few).
/// </summary>
internal sealed unsafe class Conv2DIgemm : Conv2DKernel
{
    /// <summary>Kernel-row taps need a stack scratch of taps * 8 * kc floats for border pixels; above this, position taps are used.</summary>
    private const int MaxScratchFloats = 16384;

    private readonly PackedGemmWeights _weights;
    private readonly KernelIsa _isa;
    private readonly bool _rowTaps;
    private readonly int _taps, _kc;
    private readonly int[] _tapDy, _tapDx;   // per tap: offset in input rows and columns from the window's corner
    private readonly float[] _zeros;        // one tap's worth of zeros, for taps in the padding

    public Conv2DIgemm(ConvGeometry g, int inChannels, int outChannels, ReadOnlySpan<float> filterHWIO, Epilogue epilogue, KernelIsa isa)
        : base(g, inChannels, outChannels)
    {
        _isa = isa;
        _rowTaps = g.DilationW == 1 && g.KernelW > 1 && g.KernelH * 8 * g.KernelW * inChannels <= MaxScratchFloats;
        _taps = _rowTaps ? g.KernelH : g.KernelH * g.KernelW;
        _kc = _rowTaps ? g.KernelW * inChannels : inChannels;
        _tapDy = GC.AllocateArray<int>(_taps, pinned: true);
        _tapDx = GC.AllocateArray<int>(_taps, pinned: true);
        for (int ky = 0, t = 0; ky < g.KernelH; ky++)
        for (int kx = 0; kx < (_rowTaps ? 1 : g.KernelW); kx++, t++)
        {
            _tapDy[t] = ky * g.DilationH;
            _tapDx[t] = kx * g.DilationW;
        }
        _zeros = GC.AllocateArray<float>(_kc, pinned: true);
        var (bias, slope, upper) = epilogue.Expand(outChannels);
        _weights = new PackedGemmWeights(filterHWIO, g.KernelH * g.KernelW * inChannels, outChannels, IgemmTile.PanelWidth(isa), false, bias, slope, upper);
    }

    public override int WorkspaceFloats(int batch, int inH, int inW) => 0;

    private struct State
    {
        public float* Input, Output, Panels, Slopes, Zeros;
        public int* TapDy, TapDx, TapOffsets;
        public float Upper;
        public KernelIsa Isa;
        public bool RowTaps;
        public int ImageStride, InH, InW, OutH, OutW, StrideH, StrideW, PadTop, PadLeft, KernelW, EffectiveH, EffectiveW, Cin, Cout, M;
        public int Taps, Kc, NR, PanelStride, PanelCount;
        public int TilesPerBlock, PanelsPerBlock, PanelBlocks, TileCount;
    }

    public override void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism)
    {
        var (outH, outW, padTop, padLeft) = CheckRun(input, batch, inH, inW, output, workspace);
        var g = Geometry;
        int* tapOffsets = stackalloc int[_taps];
        for (int t = 0; t < _taps; t++) tapOffsets[t] = (_tapDy[t] * inW + _tapDx[t]) * InChannels;
        fixed (float* inPtr = input, outPtr = output)
        fixed (int* tapDy = _tapDy, tapDx = _tapDx)
        fixed (float* zeros = _zeros)
        {
            var s = new State
            {
                Input = inPtr,
                Output = outPtr,
                Panels = _weights.DataPointer,
                Slopes = _weights.SlopePointer,
                Zeros = zeros,
                TapDy = tapDy,
                TapDx = tapDx,
                TapOffsets = tapOffsets,
                Upper = _weights.Upper,
                Isa = _isa,
                RowTaps = _rowTaps,
                ImageStride = inH * inW * InChannels,
                InH = inH,
                InW = inW,
                OutH = outH,
                OutW = outW,
                StrideH = g.StrideH,
                StrideW = g.StrideW,
                PadTop = padTop,
                PadLeft = padLeft,
                KernelW = g.KernelW,
                EffectiveH = g.EffectiveKernelH,
                EffectiveW = g.EffectiveKernelW,
                Cin = InChannels,
                Cout = OutChannels,
                M = batch * outH * outW,
                Taps = _taps,
                Kc = _kc,
                NR = _weights.NR,
                PanelStride = _weights.PanelStride,
                PanelCount = _weights.Panels,
            };
            int items = IgemmSchedule.Plan(s.M, s.PanelCount, parallelism.Threads, out s.TilesPerBlock, out s.PanelsPerBlock, out s.PanelBlocks);
            s.TileCount = (s.M + 7) / 8;
            parallelism.For(items, &Work, &s);
        }
    }

    private static void Work(void* state, int item)
    {
        ref State s = ref Unsafe.AsRef<State>(state);
        int taps = s.Taps;
        float** a = stackalloc float*[taps * 8];
        float* scratch = stackalloc float[s.RowTaps ? taps * 8 * s.Kc : 0];
        int tileBlock = item / s.PanelBlocks, panelBlock = item % s.PanelBlocks;
        int tileEnd = Math.Min(s.TileCount, (tileBlock + 1) * s.TilesPerBlock);
        int p0 = panelBlock * s.PanelsPerBlock, p1 = Math.Min(s.PanelCount, p0 + s.PanelsPerBlock);
        int pixels = s.OutH * s.OutW;
        for (int tile = tileBlock * s.TilesPerBlock; tile < tileEnd; tile++)
        {
            int m0 = tile * 8, rows = Math.Min(8, s.M - m0);
            // Two divisions per tile, then walk the pixels: for short K the divisions would cost as much as the FMAs.
            int n = m0 / pixels, rem = m0 - n * pixels, oy = rem / s.OutW, ox = rem - oy * s.OutW;
            for (int r = 0; r < rows; r++)
            {
                float* image = s.Input + (long)n * s.ImageStride;
                int iy0 = oy * s.StrideH - s.PadTop, ix0 = ox * s.StrideW - s.PadLeft;
                if (iy0 >= 0 && ix0 >= 0 && iy0 + s.EffectiveH <= s.InH && ix0 + s.EffectiveW <= s.InW)
                {
                    // The whole window is inside the image (most pixels): fixed offsets from its corner.
                    float* corner = image + ((long)iy0 * s.InW + ix0) * s.Cin;
                    for (int t = 0; t < taps; t++) a[t * 8 + r] = corner + s.TapOffsets[t];
                }
                else for (int t = 0; t < taps; t++)
                {
                    int iy = iy0 + s.TapDy[t], ix = ix0 + s.TapDx[t];
                    float* p;
                    if ((uint)iy >= (uint)s.InH) p = s.Zeros;
                    else if (!s.RowTaps) p = (uint)ix < (uint)s.InW ? image + ((long)iy * s.InW + ix) * s.Cin : s.Zeros;
                    else if (ix >= 0 && ix + s.KernelW <= s.InW) p = image + ((long)iy * s.InW + ix) * s.Cin;
                    else p = BorderTap(scratch + (t * 8 + r) * s.Kc, image + (long)iy * s.InW * s.Cin, ix, s.KernelW, s.InW, s.Cin);
                    a[t * 8 + r] = p;
                }
                if (++ox == s.OutW)
                {
                    ox = 0;
                    if (++oy == s.OutH) { oy = 0; n++; }
                }
            }
            float* c = s.Output + (long)m0 * s.Cout;
            for (int p = p0; p < p1; p++)
            {
                int nc = Math.Min(s.NR, s.Cout - p * s.NR);
                IgemmTile.Run(s.Isa, rows, nc, taps, s.Kc, a, s.Panels + (long)p * s.PanelStride, c + p * s.NR, s.Cout, s.Slopes + p * s.NR, s.Upper);
            }
        }
    }

    /// <summary>Assembles a kernel-row tap that straddles the left or right border: zeros where the window leaves the image.</summary>
    private static float* BorderTap(float* scratch, float* inputRow, int ix, int kernelW, int inW, int cin)
    {
        for (int kx = 0; kx < kernelW; kx++)
        {
            var dst = new Span<float>(scratch + kx * cin, cin);
            int x = ix + kx;
            if ((uint)x < (uint)inW) new ReadOnlySpan<float>(inputRow + (long)x * cin, cin).CopyTo(dst);
            else dst.Clear();
        }
        return scratch;
    }
}
