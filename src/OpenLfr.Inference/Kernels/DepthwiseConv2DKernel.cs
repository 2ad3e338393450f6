namespace OpenLfr.Inference.Kernels;

/// <summary>
/// A depthwise 2-D convolution with its weights packed once: NHWC input with C channels, filter
/// [KH, KW, C, M] (TensorFlow layout), output channels C * M where output channel c * M + m reads input
/// channel c. Fused <see cref="Epilogue"/>. Immutable after Create.
/// </summary>
public abstract class DepthwiseConv2DKernel
{
    private protected DepthwiseConv2DKernel(ConvGeometry geometry, int channels, int multiplier)
    {
        geometry.Validate();
        if (channels <= 0 || multiplier <= 0)
            throw new ArgumentException($"Depthwise channels and multiplier must be positive, got {channels} x {multiplier}.");
        Geometry = geometry;
        Channels = channels;
        Multiplier = multiplier;
    }

    public ConvGeometry Geometry { get; }
    public int Channels { get; }
    public int Multiplier { get; }
    public int OutChannels => Channels * Multiplier;

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

    /// <summary>Output height and width for an input of inH x inW.</summary>
    public (int OutH, int OutW) OutputSize(int inH, int inW)
    {
        var (outH, outW, _, _) = Geometry.Resolve(inH, inW);
        return (outH, outW);
    }

    /// <summary>Floats of scratch memory the caller must pass to <see cref="Run"/> (may be 0).</summary>
    public abstract int WorkspaceFloats(int batch, int inH, int inW);

    /// <summary>Computes output [batch, outH, outW, C * M] from input [batch, inH, inW, C]. Allocates nothing.</summary>
    public abstract void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism);

    private protected (int OutH, int OutW, int PadTop, int PadLeft) CheckRun(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace)
    {
        var resolved = Geometry.Resolve(inH, inW);
        KernelChecks.Sizes("DepthwiseConv2D", input.Length, batch, inH, inW, Channels, output.Length, resolved.OutH, resolved.OutW, OutChannels,
            workspace.Length, WorkspaceFloats(batch, inH, inW));
        return resolved;
    }
}
