namespace OpenLfr.Inference.Kernels;

/// <summary>
/// The fused post-op of a convolution or matmul: y = act(acc + bias[c]).
/// <see cref="Bias"/> and <see cref="PreluAlpha"/>, when given, have one value per output channel.
/// </summary>
public sealed record Epilogue(float[]? Bias, Activation Activation = Activation.None, float[]? PreluAlpha = null, float LeakyAlpha = 0.2f)
{
    /// <summary>No bias, no activation.</summary>
    public static Epilogue None { get; } = new(Bias: null);

    /// <summary>Checks the per-channel arrays against the output channel count; throws naming what is wrong.</summary>
    internal void Validate(int outChannels)
    {
        if (Bias is not null && Bias.Length != outChannels)
            throw new ArgumentException($"Epilogue bias has {Bias.Length} values but the kernel has {outChannels} output channels.");
        if (Activation == Activation.PRelu)
        {
            if (PreluAlpha is null)
                throw new ArgumentException("Epilogue activation is PRelu but no PreluAlpha was given.");
            if (PreluAlpha.Length != outChannels && PreluAlpha.Length != 1)
                throw new ArgumentException($"Epilogue PReLU alpha has {PreluAlpha.Length} values but the kernel has {outChannels} output channels.");
        }
    }

    /// <summary>
    /// Expands the epilogue into per-channel arrays (bias, negative slope) and an upper clamp, so every
    /// kernel applies it branch-free as y = min(max(x, 0) + slope[c] * min(x, 0), upper).
    /// None is slope 1, Relu slope 0, Relu6 slope 0 with upper 6.
    /// </summary>
    internal (float[] Bias, float[] Slope, float Upper) Expand(int outChannels)
    {
        Validate(outChannels);
        var bias = new float[outChannels];
        Bias?.AsSpan().CopyTo(bias);
        var slope = new float[outChannels];
        float upper = float.PositiveInfinity;
        switch (Activation)
        {
            case Activation.None: slope.AsSpan().Fill(1f); break;
            case Activation.Relu: break;
            case Activation.Relu6: upper = 6f; break;
            case Activation.LeakyRelu: slope.AsSpan().Fill(LeakyAlpha); break;
            case Activation.PRelu:
                if (PreluAlpha!.Length == 1) slope.AsSpan().Fill(PreluAlpha[0]);
                else PreluAlpha.AsSpan().CopyTo(slope);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(Activation), Activation, "Unknown activation.");
        }
        return (bias, slope, upper);
    }
}
