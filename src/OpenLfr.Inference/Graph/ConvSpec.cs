using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Graph;

/// <summary>
/// A convolution or dense layer while the plan is being built: its own copy of the weights, so folding a
/// following Mul/Add/activation (or a preceding Pad) into it never touches the shared constants.
/// </summary>
internal sealed class ConvSpec
{
    public enum Kinds { Conv2D, Depthwise, Dense }

    public required Kinds Kind { get; init; }
    public required float[] Filter { get; init; }
    /// <summary>HWIO for Conv2D, [KH,KW,C,M] for depthwise, [K,N] (or [N,K] when <see cref="TransposeWeights"/>) for dense.</summary>
    public required int[] FilterShape { get; init; }
    public bool TransposeWeights { get; init; }
    public int StrideH { get; init; } = 1;
    public int StrideW { get; init; } = 1;
    public int DilationH { get; init; } = 1;
    public int DilationW { get; init; } = 1;
    public PaddingMode Padding { get; set; } = PaddingMode.Valid;
    public int PadTop { get; set; }
    public int PadBottom { get; set; }
    public int PadLeft { get; set; }
    public int PadRight { get; set; }
    public float[]? Bias { get; set; }
    public Activation Activation { get; set; } = Activation.None;
    public float[]? PreluAlpha { get; set; }
    public float LeakyAlpha { get; set; } = 0.2f;

    public int OutChannels => Kind switch
    {
        Kinds.Conv2D => FilterShape[3],
        Kinds.Depthwise => FilterShape[2] * FilterShape[3],
        _ => TransposeWeights ? FilterShape[0] : FilterShape[1],
    };

    public int InChannels => Kind switch
    {
        Kinds.Dense => TransposeWeights ? FilterShape[1] : FilterShape[0],
        _ => FilterShape[2],
    };

    public ConvGeometry Geometry => new(FilterShape[0], FilterShape[1], StrideH, StrideW, DilationH, DilationW, Padding, PadTop, PadBottom, PadLeft, PadRight);

    public Epilogue Epilogue => new(Bias, Activation, PreluAlpha, LeakyAlpha);

    /// <summary>Adds a per-output-channel bias (length 1 broadcasts).</summary>
    public void AddBias(ReadOnlySpan<float> values, float sign = 1)
    {
        var n = OutChannels;
        Bias ??= new float[n];
        for (var o = 0; o < n; o++) Bias[o] += sign * values[values.Length == 1 ? 0 : o];
    }

    /// <summary>Multiplies every output channel (weights and bias) by a per-channel factor (length 1 broadcasts).</summary>
    public void Scale(ReadOnlySpan<float> factors)
    {
        var n = OutChannels;
        var f = factors.Length == 1 ? Enumerable.Repeat(factors[0], n).ToArray() : factors.ToArray();
        float F(int o) => f[o];
        if (Kind == Kinds.Dense && TransposeWeights)
        {
            var k = FilterShape[1];
            for (var o = 0; o < n; o++)
                for (var i = 0; i < k; i++) Filter[o * k + i] *= F(o);
        }
        else
            for (var i = 0; i < Filter.Length; i++) Filter[i] *= F(i % n);
        if (Bias is not null)
            for (var o = 0; o < n; o++) Bias[o] *= F(o);
    }
}
