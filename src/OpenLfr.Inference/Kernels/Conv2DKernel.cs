namespace OpenLfr.Inference.Kernels;

/// <summary>
/// A 2-D convolution with its weights packed once: NHWC input, HWIO filter (TensorFlow layout), fused
/// <see cref="Epilogue"/>. Instances are immutable after Create; Run may be called from several threads
/// at once as long as each call has its own output and workspace.
/// </summary>
public abstract class Conv2DKernel
{
    private protected Conv2DKernel(ConvGeometry geometry, int inChannels, int outChannels)
    {
        geometry.Validate();
        if (inChannels <= 0 || outChannels <= 0)
            throw new ArgumentException($"Convolution channels must be positive, got {inChannels} -> {outChannels}.");
        Geometry = geometry;
        InChannels = inChannels;
        OutChannels = outChannels;
    }

    public ConvGeometry Geometry { get; }
    public int InChannels { get; }
    public int OutChannels { get; }

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

    /// <summary>Output height and width for an input of inH x inW.</summary>
    public (int OutH, int OutW) OutputSize(int inH, int inW)
    {
        var (outH, outW, _, _) = Geometry.Resolve(inH, inW);
        return (outH, outW);
    }

    /// <summary>Floats of scratch memory the caller must pass to <see cref="Run"/> for this input size (may be 0).</summary>
    public abstract int WorkspaceFloats(int batch, int inH, int inW);

    /// <summary>
    /// Computes output [batch, outH, outW, OutChannels] from input [batch, inH, inW, InChannels].
    /// Allocates nothing; <paramref name="workspace"/> must hold at least <see cref="WorkspaceFloats"/> floats.
    /// </summary>
    public abstract void Run(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace, Parallelism parallelism);

    private protected (int OutH, int OutW, int PadTop, int PadLeft) CheckRun(ReadOnlySpan<float> input, int batch, int inH, int inW, Span<float> output, Span<float> workspace)
    {
        var resolved = Geometry.Resolve(inH, inW);
        KernelChecks.Sizes("Conv2D", input.Length, batch, inH, inW, InChannels, output.Length, resolved.OutH, resolved.OutW, OutChannels,
            workspace.Length, WorkspaceFloats(batch, inH, inW));
        return resolved;
    }
}
