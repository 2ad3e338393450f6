namespace OpenLfr.Inference.Kernels.DepthwiseConv;

/// <summary>A plain direct depthwise convolution: the portable fallback, and the path for any multiplier.</summary>
internal sealed class DepthwiseConv2DScalar : DepthwiseConv2DKernel
{
    private readonly float[] _filter;   // [KH, KW, C * M]: TF's [KH, KW, C, M] flattened
    private readonly (float[] Bias, float[] Slope, float Upper) _epilogue;

    public DepthwiseConv2DScalar(ConvGeometry g, int channels, int multiplier, ReadOnlySpan<float> filter, Epilogue epilogue)
        : base(g, channels, multiplier)
    {
        _filter = filter.ToArray();
        _epilogue = epilogue.Expand(channels * multiplier);
    }

    public override int WorkspaceFloats(int batch, int inH, int inW) => 0;

    public override void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism)
    {
        var resolved = CheckRun(input, batch, inH, inW, output, workspace);
        ScalarConvolution.Run(new DepthwiseTap(_filter, Multiplier, OutChannels), Geometry, input, batch, inH, inW, Channels, output, resolved, _epilogue);
    }

    /// <summary>Output channel o reads input channel o / M only.</summary>
    private readonly struct DepthwiseTap(float[] filter, int multiplier, int cout) : IScalarTap
    {
        public void Accumulate(ReadOnlySpan<float> pixel, int tap, Span<float> acc)
        {
            var w = filter.AsSpan(tap * cout, cout);
            for (int o = 0; o < cout; o++) acc[o] += pixel[o / multiplier] * w[o];
        }
    }
}
