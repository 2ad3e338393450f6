namespace OpenLfr.Inference.Kernels;

/// <summary>How a convolution pads its input.</summary>
public enum PaddingMode
{
    /// <summary>No padding: out = (in - effectiveK) / stride + 1.</summary>
    Valid,
    /// <summary>TensorFlow SAME: out = ceil(in / stride); the odd extra pad goes at the bottom/right.</summary>
    Same,
    /// <summary>The explicit PadTop/PadBottom/PadLeft/PadRight of the geometry.</summary>
    Explicit,
}
