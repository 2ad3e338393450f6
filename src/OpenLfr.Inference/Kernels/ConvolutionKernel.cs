namespace OpenLfr.Inference.Kernels;

/// <summary>
/// What every 2-D convolution kernel over NHWC shares, dense or depthwise: the window geometry, the
/// output size it gives, and the run contract (caller-owned output and workspace, nothing allocated).
/// Instances are immutable after Create; Run may be called from several threads at once as long as each
/// call has its own output and workspace.
/// </summary>
public abstract class ConvolutionKernel
{
    private readonly string _operation;

    /// <param name="operation">Names the operation in size errors ("Conv2D", "DepthwiseConv2D").</param>
    private protected ConvolutionKernel(string operation, ConvGeometry geometry, int inChannels, int outChannels)
    {
        geometry.Validate();
        (_operation, Geometry, InChannels, OutChannels) = (operation, geometry, inChannels, outChannels);
    }

    public ConvGeometry Geometry { get; }
    public int InChannels { get; }
    public int OutChannels { get; }

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
        KernelChecks.Sizes(_operation, input.Length, batch, inH, inW, InChannels, output.Length, resolved.OutH, resolved.OutW, OutChannels,
            workspace.Length, WorkspaceFloats(batch, inH, inW));
        return resolved;
    }
}
