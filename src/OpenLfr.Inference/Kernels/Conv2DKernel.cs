namespace OpenLfr.Inference.Kernels;

/// <summary>
/// A 2-D convolution with its weights packed once: NHWC input, HWIO filter (TensorFlow layout), fused
/// <see cref="Epilogue"/>.
/// </summary>
public abstract class Conv2DKernel : ConvolutionKernel
{
    private protected Conv2DKernel(ConvGeometry geometry, int inChannels, int outChannels)
        : base("Conv2D", geometry, inChannels, outChannels)
    {
        if (inChannels <= 0 || outChannels <= 0)
            throw new ArgumentException($"Convolution channels must be positive, got {inChannels} -> {outChannels}.");
    }

    /// <summary>Packs the filter [KH, KW, inChannels, outChannels] and picks the fastest kernel for this machine.</summary>
    public static Conv2DKernel Create(ConvGeometry g, int inChannels, int outChannels, ReadOnlySpan<float> filterHWIO, Epilogue epilogue) =>
        Create(g, inChannels, outChannels, filterHWIO, epilogue, KernelIsa.Auto);

    internal static Conv2DKernel Create(ConvGeometry g, int inChannels, int outChannels, ReadOnlySpan<float> filterHWIO, Epilogue epilogue, KernelIsa isa)
    {
        isa = KernelIsas.Resolve(isa);
        ArgumentNullException.ThrowIfNull(epilogue);
        long expected = (long)g.KernelH * g.KernelW * inChannels * outChannels;
        if (filterHWIO.Length != expected)
            throw new ArgumentException($"Conv2D filter has {filterHWIO.Length} values; [{g.KernelH},{g.KernelW},{inChannels},{outChannels}] needs {expected}.");
        return isa == KernelIsa.Scalar
            ? new Conv.DirectConv2DScalar(g, inChannels, outChannels, filterHWIO, epilogue)
            : new Conv.Conv2DIgemm(g, inChannels, outChannels, filterHWIO, epilogue, isa);
    }
}
