namespace OpenLfr.Inference.Kernels.Conv;

/// <summary>A plain direct convolution: the portable fallback and the baseline the fast kernels are measured against.</summary>
internal sealed class DirectConv2DScalar : Conv2DKernel
{
    private readonly float[] _filter;   // HWIO, as given
    private readonly float[] _bias;
    private readonly float[] _slope;
    private readonly float _upper;

    public DirectConv2DScalar(ConvGeometry g, int inChannels, int outChannels, ReadOnlySpan<float> filterHWIO, Epilogue epilogue)
        : base(g, inChannels, outChannels)
    {
        _filter = filterHWIO.ToArray();
        (_bias, _slope, _upper) = epilogue.Expand(outChannels);
    }

    public override int WorkspaceFloats(int batch, int inH, int inW) => 0;

    public override void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism)
    {
        var (outH, outW, padTop, padLeft) = CheckRun(input, batch, inH, inW, output, workspace);
        var g = Geometry;
        int cin = InChannels, cout = OutChannels;
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
                    var pixel = input.Slice(((n * inH + iy) * inW + ix) * cin, cin);
                    int wBase = (ky * g.KernelW + kx) * cin * cout;
                    for (int ic = 0; ic < cin; ic++)
                    {
                        float x = pixel[ic];
                        var w = _filter.AsSpan(wBase + ic * cout, cout);
                        for (int oc = 0; oc < cout; oc++) acc[oc] += x * w[oc];
                    }
                }
            }
            for (int oc = 0; oc < cout; oc++) acc[oc] = EpilogueMath.Apply(acc[oc], _slope[oc], _upper);
        }
    }
}
