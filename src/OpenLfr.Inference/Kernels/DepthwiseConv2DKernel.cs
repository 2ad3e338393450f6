namespace OpenLfr.Inference.Kernels;

/// <summary>
/// A depthwise 2-D convolution with its weights packed once: NHWC input with C channels, filter
/// [KH, KW, C, M] (TensorFlow layout), output channels C * M where output channel c * M + m reads input
/// channel c. Fused <see cref="Epilogue"/>. Immutable after Create.
/// </summary>
public abstract class DepthwiseConv2DKernel : ConvolutionKernel
{
    private protected DepthwiseConv2DKernel(ConvGeometry geometry, int channels, int multiplier)
        : base("DepthwiseConv2D", geometry, channels, channels * multiplier)
    {
        if (channels <= 0 || multiplier <= 0)
            throw new ArgumentException($"Depthwise channels and multiplier must be positive, got {channels} x {multiplier}.");
        Multiplier = multiplier;
    }

    /// <summary>Input channels (the same as <see cref="ConvolutionKernel.InChannels"/>).</summary>
    public int Channels => InChannels;

    public int Multiplier { get; }

    /// <summary>Packs the filter [KH, KW, channels, multiplier] and picks the fastest kernel for this machine.</summary>
    public static DepthwiseConv2DKernel Create(ConvGeometry g, int channels, int multiplier, ReadOnlySpan<float> filter, Epilogue epilogue) =>
        Create(g, channels, multiplier, filter, epilogue, KernelIsa.Auto);

    internal static DepthwiseConv2DKernel Create(ConvGeometry g, int channels, int multiplier, ReadOnlySpan<float> filter, Epilogue epilogue, KernelIsa isa)
    {
        isa = KernelIsas.Resolve(isa);
        ArgumentNullException.ThrowIfNull(epilogue);
        long expected = (long)g.KernelH * g.KernelW * channels * multiplier;
        if (filter.Length != expected)
            throw new ArgumentException($"Depthwise filter has {filter.Length} values; [{g.KernelH},{g.KernelW},{channels},{multiplier}] needs {expected}.");
        return DepthwiseConv.DepthwiseConv2DDirect.Supports(isa, channels, multiplier)
            ? new DepthwiseConv.DepthwiseConv2DDirect(g, channels, filter, epilogue, isa)
            : new DepthwiseConv.DepthwiseConv2DScalar(g, channels, multiplier, filter, epilogue);
    }
}
