using System.Runtime.CompilerServices;

namespace OpenLfr.Inference.Kernels.DepthwiseConv;

/// <summary>
/// Direct NHWC depthwise convolution (multiplier 1), vectorised across channels by the row micro-kernel
/// of the chosen ISA. No workspace: borders clamp their tap ranges. Parallel over output rows.
/// </summary>
internal sealed unsafe class DepthwiseConv2DDirect : DepthwiseConv2DKernel
{
    private readonly float[] _filter;   // [KH, KW, C], pinned
    private readonly float[] _bias;
    private readonly float[] _slope;
    private readonly float _upper;
    private readonly bool _wide;        // the 512-bit row kernel, else the 256-bit one

    /// <summary>Whether this kernel can serve the shape on an ISA (multiplier 1 and at least one vector of channels).</summary>
    public static bool Supports(KernelIsa isa, int channels, int multiplier) =>
        multiplier == 1 && isa != KernelIsa.Scalar && channels >= DepthwiseRowKernel_Fma256_8c.Width && KernelIsas.IsSupported(KernelIsa.Vector256);

    public DepthwiseConv2DDirect(ConvGeometry g, int channels, ReadOnlySpan<float> filter, Epilogue epilogue, KernelIsa isa)
        : base(g, channels, 1)
    {
        _wide = isa == KernelIsa.Vector512 && channels >= DepthwiseRowKernel_Avx512_16c.Width;
        _filter = GC.AllocateArray<float>(filter.Length, pinned: true);
        filter.CopyTo(_filter);
        var (bias, slope, upper) = epilogue.Expand(channels);
        _bias = GC.AllocateArray<float>(channels, pinned: true);
        _slope = GC.AllocateArray<float>(channels, pinned: true);
        bias.CopyTo(_bias, 0);
        slope.CopyTo(_slope, 0);
        _upper = upper;
    }

    public override int WorkspaceFloats(int batch, int inH, int inW) => 0;

    private struct State
    {
        public float* Input, Output, Filter, Bias, Slope;
        public float Upper;
        public bool Wide;
        public int C, InH, InW, OutH, OutW, KH, KW, StrideH, StrideW, DilationH, DilationW, PadTop, PadLeft;
        public int InteriorStart, InteriorEnd;
    }

    public override void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism)
    {
        var (outH, outW, padTop, padLeft) = CheckRun(input, batch, inH, inW, output, workspace);
        var g = Geometry;
        // Output columns whose whole kernel row lies inside the image.
        int start = Math.Min(outW, (padLeft + g.StrideW - 1) / g.StrideW);
        int lastNumerator = inW - 1 + padLeft - (g.KernelW - 1) * g.DilationW;
        int end = lastNumerator < 0 ? start : Math.Clamp(lastNumerator / g.StrideW + 1, start, outW);
        fixed (float* inPtr = input, outPtr = output)
        {
            var s = new State
            {
                Input = inPtr,
                Output = outPtr,
                Filter = (float*)Unsafe.AsPointer(ref _filter[0]),
                Bias = (float*)Unsafe.AsPointer(ref _bias[0]),
                Slope = (float*)Unsafe.AsPointer(ref _slope[0]),
                Upper = _upper,
                Wide = _wide,
                C = Channels,
                InH = inH,
                InW = inW,
                OutH = outH,
                OutW = outW,
                KH = g.KernelH,
                KW = g.KernelW,
                StrideH = g.StrideH,
                StrideW = g.StrideW,
                DilationH = g.DilationH,
                DilationW = g.DilationW,
                PadTop = padTop,
                PadLeft = padLeft,
                InteriorStart = start,
                InteriorEnd = end,
            };
            parallelism.For(batch * outH, &Work, &s);
        }
    }

    private static void Work(void* state, int item)
    {
        ref State s = ref Unsafe.AsRef<State>(state);
        int n = item / s.OutH, oy = item - n * s.OutH;
        int iy0 = oy * s.StrideH - s.PadTop;
        int ky0 = iy0 >= 0 ? 0 : (-iy0 + s.DilationH - 1) / s.DilationH;
        int ky1 = Math.Min(s.KH, (s.InH - iy0 + s.DilationH - 1) / s.DilationH);
        float* image = s.Input + (long)n * s.InH * s.InW * s.C;
        float* row = s.Output + (long)item * s.OutW * s.C;
        if (s.Wide)
            DepthwiseRowKernel_Avx512_16c.Row(image, row, s.Filter, s.Bias, s.Slope, s.Upper, s.C, s.InW, s.OutW, s.KH, s.KW,
                s.StrideW, s.DilationH, s.DilationW, s.PadLeft, ky0, ky1, iy0, s.InteriorStart, s.InteriorEnd);
        else
            DepthwiseRowKernel_Fma256_8c.Row(image, row, s.Filter, s.Bias, s.Slope, s.Upper, s.C, s.InW, s.OutW, s.KH, s.KW,
                s.StrideW, s.DilationH, s.DilationW, s.PadLeft, ky0, ky1, iy0, s.InteriorStart, s.InteriorEnd);
    }
}
