namespace OpenLfr.Inference.Kernels.DepthwiseConv;

/// <summary>A plain direct depthwise convolution: the portable fallback, and the path for any multiplier.</summary>
internal sealed class DepthwiseConv2DScalar : DepthwiseConv2DKernel
{
    private readonly float[] _filter;   // [KH, KW, C * M]: TF's [KH, KW, C, M] flattened
    private readonly float[] _bias;
    private readonly float[] _slope;
    private readonly float _upper;

    public DepthwiseConv2DScalar(ConvGeometry g, int channels, int multiplier, ReadOnlySpan<float> filter, Epilogue epilogue)
        : base(g, channels, multiplier)
    {
        _filter = filter.ToArray();
        (_bias, _slope, _upper) = epilogue.Expand(channels * multiplier);
    }

    public override int WorkspaceFloats(int batch, int inH, int inW) => 0;

    public override void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism)
    {
        var (outH, outW, padTop, padLeft) = CheckRun(input, batch, inH, inW, output, workspace);
        var g = Geometry;
        int c = Channels, m = Multiplier, cout = OutChannels;
        for (int n = 0; n < batch; n++)
        for (int oy = 0; oy < outH; oy++)
        for (int ox = 0; ox < outW; ox++)
        {
            var acc = output.Slice(((n * outH + oy) * outW + ox) * cout, cout);
            _bias.AsSpan().CopyTo(acc);
            for (int ky = 0; ky < g.KernelH; ky++)
            {
                int iy = oy * g.StrideH - padTop + ky * g.DilationH;
                if ((uint)iy >= (uint)inH) continue;
                for (int kx = 0; kx < g.KernelW; kx++)
                {
                    int ix = ox * g.StrideW - padLeft + kx * g.DilationW;
                    if ((uint)ix >= (uint)inW) continue;
                    var pixel = input.Slice(((n * inH + iy) * inW + ix) * c, c);
                    var w = _filter.AsSpan((ky * g.KernelW + kx) * cout, cout);
                    for (int o = 0; o < cout; o++) acc[o] += pixel[o / m] * w[o];
                }
            }
            for (int o = 0; o < cout; o++) acc[o] = EpilogueMath.Apply(acc[o], _slope[o], _upper);
        }
    }
}
