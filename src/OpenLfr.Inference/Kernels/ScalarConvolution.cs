namespace OpenLfr.Inference.Kernels;

/// <summary>
/// The loop the portable (scalar) convolutions share, dense and depthwise: each output pixel starts from
/// the bias, adds every filter tap that falls inside the image (padding adds nothing), then applies the
/// epilogue. Generic over the tap so the JIT specialises and inlines the per-tap work.
/// </summary>
internal static class ScalarConvolution
{
    /// <param name="resolved">The output size and leading padding, from <c>CheckRun</c>.</param>
    /// <param name="epilogue">The expanded epilogue (<see cref="Epilogue"/>'s Expand).</param>
    public static void Run<TTap>(TTap tap, ConvGeometry g, ReadOnlySpan<float> input, int batch, int inH, int inW, int inChannels,
        Span<float> output, (int OutH, int OutW, int PadTop, int PadLeft) resolved, (float[] Bias, float[] Slope, float Upper) epilogue)
        where TTap : struct, IScalarTap
    {
        var (outH, outW, padTop, padLeft) = resolved;
        var (bias, slope, upper) = epilogue;
        var outChannels = bias.Length;
        for (int n = 0; n < batch; n++)
        for (int oy = 0; oy < outH; oy++)
        for (int ox = 0; ox < outW; ox++)
        {
            var acc = output.Slice(((n * outH + oy) * outW + ox) * outChannels, outChannels);
            bias.AsSpan().CopyTo(acc);
            for (int ky = 0; ky < g.KernelH; ky++)
            {
                int iy = oy * g.StrideH - padTop + ky * g.DilationH;
                if ((uint)iy >= (uint)inH) continue;
                for (int kx = 0; kx < g.KernelW; kx++)
                {
                    int ix = ox * g.StrideW - padLeft + kx * g.DilationW;
                    if ((uint)ix >= (uint)inW) continue;
                    tap.Accumulate(input.Slice(((n * inH + iy) * inW + ix) * inChannels, inChannels), ky * g.KernelW + kx, acc);
                }
            }
            for (int oc = 0; oc < outChannels; oc++) acc[oc] = EpilogueMath.Apply(acc[oc], slope[oc], upper);
        }
    }
}
