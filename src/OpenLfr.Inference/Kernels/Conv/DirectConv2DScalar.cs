namespace OpenLfr.Inference.Kernels.Conv;

/// <summary>A plain direct convolution: the portable fallback and the baseline the fast kernels are measured against.</summary>
internal sealed class DirectConv2DScalar : Conv2DKernel
{
    private readonly float[] _filter;   // HWIO, as given
    private readonly (float[] Bias, float[] Slope, float Upper) _epilogue;

    public DirectConv2DScalar(ConvGeometry g, int inChannels, int outChannels, ReadOnlySpan<float> filterHWIO, Epilogue epilogue)
        : base(g, inChannels, outChannels)
    {
        _filter = filterHWIO.ToArray();
        _epilogue = epilogue.Expand(outChannels);
    }

    public override int WorkspaceFloats(int batch, int inH, int inW) => 0;

    public override void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism)
    {
        var resolved = CheckRun(input, batch, inH, inW, output, workspace);
        ScalarConvolution.Run(new DenseTap(_filter, InChannels, OutChannels), Geometry, input, batch, inH, inW, InChannels, output, resolved, _epilogue);
    }

    /// <summary>Every input channel feeds every output channel through the tap's [cin, cout] block of the filter.</summary>
    private readonly struct DenseTap(float[] filter, int cin, int cout) : IScalarTap
    {
        public void Accumulate(ReadOnlySpan<float> pixel, int tap, Span<float> acc)
        {
            int wBase = tap * cin * cout;
            for (int ic = 0; ic < cin; ic++)
            {
                float x = pixel[ic];
                var w = filter.AsSpan(wBase + ic * cout, cout);
                for (int oc = 0; oc < cout; oc++) acc[oc] += x * w[oc];
            }
        }
    }
}
