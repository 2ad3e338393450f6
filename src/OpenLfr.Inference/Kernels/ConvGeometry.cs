namespace OpenLfr.Inference.Kernels;

/// <summary>Kernel size, stride, dilation and padding of a 2-D convolution or pooling window.</summary>
public readonly record struct ConvGeometry(int KernelH, int KernelW, int StrideH, int StrideW,
    int DilationH = 1, int DilationW = 1, PaddingMode Padding = PaddingMode.Valid,
    int PadTop = 0, int PadBottom = 0, int PadLeft = 0, int PadRight = 0)
{
    /// <summary>Kernel height once dilated: (KernelH - 1) * DilationH + 1.</summary>
    public int EffectiveKernelH => (KernelH - 1) * DilationH + 1;

    /// <summary>Kernel width once dilated.</summary>
    public int EffectiveKernelW => (KernelW - 1) * DilationW + 1;

    /// <summary>
    /// The output size and the top/left padding for an input of inH x inW. SAME follows TensorFlow:
    /// out = ceil(in / stride), padTotal = max((out - 1) * stride + effectiveK - in, 0), padTop = padTotal / 2.
    /// </summary>
    /// <exception cref="ArgumentException">The geometry is invalid or the input is smaller than the window.</exception>
    public (int OutH, int OutW, int PadTop, int PadLeft) Resolve(int inH, int inW)
    {
        Validate();
        if (inH <= 0 || inW <= 0)
            throw new ArgumentException($"Convolution input must be at least 1x1, got {inH}x{inW}.");
        var (outH, padTop) = ResolveAxis(inH, KernelH, StrideH, DilationH, PadTop, PadBottom, "height");
        var (outW, padLeft) = ResolveAxis(inW, KernelW, StrideW, DilationW, PadLeft, PadRight, "width");
        return (outH, outW, padTop, padLeft);
    }

    /// <summary>Throws if a size, stride, dilation or padding is out of range.</summary>
    public void Validate()
    {
        if (KernelH <= 0 || KernelW <= 0)
            throw new ArgumentException($"Convolution kernel must be at least 1x1, got {KernelH}x{KernelW}.");
        if (StrideH <= 0 || StrideW <= 0)
            throw new ArgumentException($"Convolution stride must be positive, got {StrideH}x{StrideW}.");
        if (DilationH <= 0 || DilationW <= 0)
            throw new ArgumentException($"Convolution dilation must be positive, got {DilationH}x{DilationW}.");
        if (PadTop < 0 || PadBottom < 0 || PadLeft < 0 || PadRight < 0)
            throw new ArgumentException("Convolution padding must not be negative.");
    }

    private (int Out, int PadBefore) ResolveAxis(int size, int kernel, int stride, int dilation, int padBefore, int padAfter, string axis)
    {
        int effective = (kernel - 1) * dilation + 1;
        switch (Padding)
        {
            case PaddingMode.Same:
            {
                int outSize = (size + stride - 1) / stride;
                int padTotal = Math.Max((outSize - 1) * stride + effective - size, 0);
                return (outSize, padTotal / 2);
            }
            case PaddingMode.Valid:
                if (size < effective)
                    throw new ArgumentException($"VALID convolution input {axis} {size} is smaller than the kernel ({effective}).");
                return ((size - effective) / stride + 1, 0);
            case PaddingMode.Explicit:
            {
                int padded = size + padBefore + padAfter;
                if (padded < effective)
                    throw new ArgumentException($"Padded convolution input {axis} {padded} is smaller than the kernel ({effective}).");
                return ((padded - effective) / stride + 1, padBefore);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(Padding), Padding, "Unknown padding mode.");
        }
    }
}
