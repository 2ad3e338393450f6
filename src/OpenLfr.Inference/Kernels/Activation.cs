namespace OpenLfr.Inference.Kernels;

/// <summary>The activation a kernel applies after adding the bias (fused, so no extra pass over the output).</summary>
public enum Activation
{
    None,
    Relu,
    /// <summary>min(max(x, 0), 6).</summary>
    Relu6,
    /// <summary>x &gt; 0 ? x : alpha[c] * x, with one alpha per output channel.</summary>
    PRelu,
    /// <summary>x &gt; 0 ? x : alpha * x, with one scalar alpha.</summary>
    LeakyRelu,
}
