using System.Runtime.CompilerServices;
using OpenLfr.Inference.Kernels.Gemm;

namespace OpenLfr.Inference.Kernels.Conv;

/// <summary>
/// Convolution as an indirect GEMM over NHWC: output pixels are GEMM rows, output channels GEMM columns
/// (packed panels), and the reduction runs over taps, each tap a contiguous run of the input. A 1x1
/// stride-1 convolution is a plain GEMM [N*H*W, Cin] x [Cin, Cout] straight on the input. For KxK the
/// input is first copied into a zero-bordered buffer (the workspace) so every tap is in bounds; with
/// dilation 1 along W a whole kernel row (KW * Cin floats) is one contiguous tap, which keeps the
/// K loop long even when Cin is 3. Parallel over blocks of output rows (or of panels when rows are few).
/// </summary>
internal sealed unsafe class Conv2DIgemm : Conv2DKernel
{
    private readonly PackedGemmWeights _weights;
    private readonly KernelIsa _isa;
    private readonly bool _rowTaps;

    public Conv2DIgemm(ConvGeometry g, int inChannels, int outChannels, ReadOnlySpan<float> filterHWIO, Epilogue epilogue, KernelIsa isa)
        : base(g, inChannels, outChannels)
    {
        _isa = isa;
        _rowTaps = g.DilationW == 1;
        var (bias, slope, upper) = epilogue.Expand(outChannels);
        _weights = new PackedGemmWeights(filterHWIO, g.KernelH * g.KernelW * inChannels, outChannels, IgemmTile.PanelWidth(isa), false, bias, slope, upper);
    }

    private (int PaddedH, int PaddedW, bool Copy) Padded(int inH, int inW)
    {
        var g = Geometry;
        var (outH, outW, padTop, padLeft) = g.Resolve(inH, inW);
        int ph = Math.Max(inH + padTop, (outH - 1) * g.StrideH + g.EffectiveKernelH);
        int pw = Math.Max(inW + padLeft, (outW - 1) * g.StrideW + g.EffectiveKernelW);
        return (ph, pw, padTop > 0 || padLeft > 0 || ph > inH || pw > inW);
    }

    public override int WorkspaceFloats(int batch, int inH, int inW)
    {
        var (ph, pw, copy) = Padded(inH, inW);
        return copy ? checked(batch * ph * pw * InChannels) : 0;
    }

    private struct State
    {
        public float* Input, Output, Panels, Slopes;
        public int* TapOffsets;
        public float Upper;
        public KernelIsa Isa;
        public int ImageStride, RowStride, OutH, OutW, StrideH, StrideW, Cin, Cout, M;
        public int Taps, Kc, NR, PanelStride, PanelCount;
        public int TilesPerBlock, PanelsPerBlock, PanelBlocks, TileCount;
    }

    public override void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism)
    {
        var (outH, outW, padTop, padLeft) = CheckRun(input, batch, inH, inW, output, workspace);
        var g = Geometry;
        var (ph, pw, copy) = Padded(inH, inW);
        int cin = InChannels;
        if (copy) PadInput(input, batch, inH, inW, cin, ph, pw, padTop, padLeft, workspace);
        else { ph = inH; pw = inW; }

        int taps = _rowTaps ? g.KernelH : g.KernelH * g.KernelW;
        int* tapOffsets = stackalloc int[taps];
        for (int ky = 0, t = 0; ky < g.KernelH; ky++)
        {
            if (_rowTaps) tapOffsets[t++] = ky * g.DilationH * pw * cin;
            else
                for (int kx = 0; kx < g.KernelW; kx++)
                    tapOffsets[t++] = (ky * g.DilationH * pw + kx * g.DilationW) * cin;
        }

        fixed (float* inPtr = input, wsPtr = workspace, outPtr = output)
        {
            var s = new State
            {
                Input = copy ? wsPtr : inPtr,
                Output = outPtr,
                Panels = _weights.DataPointer,
                Slopes = _weights.SlopePointer,
                TapOffsets = tapOffsets,
                Upper = _weights.Upper,
                Isa = _isa,
                ImageStride = ph * pw * cin,
                RowStride = pw * cin,
                OutH = outH,
                OutW = outW,
                StrideH = g.StrideH,
                StrideW = g.StrideW,
                Cin = cin,
                Cout = OutChannels,
                M = batch * outH * outW,
                Taps = taps,
                Kc = _rowTaps ? g.KernelW * cin : cin,
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
        int tileBlock = item / s.PanelBlocks, panelBlock = item % s.PanelBlocks;
        int tileEnd = Math.Min(s.TileCount, (tileBlock + 1) * s.TilesPerBlock);
        int p0 = panelBlock * s.PanelsPerBlock, p1 = Math.Min(s.PanelCount, p0 + s.PanelsPerBlock);
        int pixels = s.OutH * s.OutW;
        for (int tile = tileBlock * s.TilesPerBlock; tile < tileEnd; tile++)
        {
            int m0 = tile * 8, rows = Math.Min(8, s.M - m0);
            for (int r = 0; r < rows; r++)
            {
                int m = m0 + r, n = m / pixels, rem = m - n * pixels, oy = rem / s.OutW, ox = rem - oy * s.OutW;
                float* row = s.Input + (long)n * s.ImageStride + (long)oy * s.StrideH * s.RowStride + (long)ox * s.StrideW * s.Cin;
                for (int t = 0; t < taps; t++) a[t * 8 + r] = row + s.TapOffsets[t];
            }
            float* c = s.Output + (long)m0 * s.Cout;
            for (int p = p0; p < p1; p++)
            {
                int nc = Math.Min(s.NR, s.Cout - p * s.NR);
                IgemmTile.Run(s.Isa, rows, nc, taps, s.Kc, a, s.Panels + (long)p * s.PanelStride, c + p * s.NR, s.Cout, s.Slopes + p * s.NR, s.Upper);
            }
        }
    }

    /// <summary>Copies the input into a zero-bordered [batch, ph, pw, c] buffer: padTop rows and padLeft columns before.</summary>
    internal static void PadInput(ReadOnlySpan<float> input, int batch, int inH, int inW, int c, int ph, int pw, int padTop, int padLeft, Span<float> padded)
    {
        int rowLength = pw * c, inRow = inW * c;
        for (int n = 0; n < batch; n++)
        for (int y = 0; y < ph; y++)
        {
            var dst = padded.Slice((n * ph + y) * rowLength, rowLength);
            int iy = y - padTop;
            if ((uint)iy >= (uint)inH)
            {
                dst.Clear();
                continue;
            }
            dst[..(padLeft * c)].Clear();
            input.Slice((n * inH + iy) * inRow, inRow).CopyTo(dst.Slice(padLeft * c));
            dst[((padLeft + inW) * c)..].Clear();
        }
    }
}
