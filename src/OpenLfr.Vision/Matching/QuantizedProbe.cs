using System.Runtime.InteropServices;

namespace OpenLfr.Vision.Matching;

/// <summary>
/// A probe quantised once per search, in the forms the int8 kernels read: Q = round(q / s) in -127..127
/// packed four to an int32 (as bytes Q + 128, the unsigned operand of VNNI) and four to an int64 (as int16,
/// for the vpmaddwd kernel), zero-padded to the gallery's groups of four.
/// </summary>
internal sealed class QuantizedProbe
{
    public QuantizedProbe(float[] vector, int groups)
    {
        var max = 0f;
        foreach (var v in vector) max = Math.Max(max, Math.Abs(v));
        Scale = max > 0 ? max / 127f : 1f;
        var inverse = 1f / Scale;
        Values = new sbyte[groups * 4];
        double residual = 0, norm = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            var q = (int)Math.Clamp(MathF.Round(vector[i] * inverse), -127f, 127f);
            Values[i] = (sbyte)q;
            var e = vector[i] - (double)Scale * q;
            residual += e * e;
            norm += (double)vector[i] * vector[i];
        }
        ResidualNorm = Math.Sqrt(residual) * (1 + 1e-6);
        Norm = Math.Sqrt(norm) * (1 + 1e-6);
        Offset = new int[groups];
        Words = new long[groups];
        var unsigned = MemoryMarshal.AsBytes(Offset.AsSpan());
        var shorts = MemoryMarshal.Cast<long, short>(Words.AsSpan());
        for (var i = 0; i < Values.Length; i++)
        {
            unsigned[i] = (byte)(Values[i] + 128);
            shorts[i] = Values[i];
        }
    }

    /// <summary>s: the probe is ~= s * Q.</summary>
    public float Scale { get; }

    /// <summary>Q, zero-padded to a multiple of 4.</summary>
    public sbyte[] Values { get; }

    /// <summary>Q + 128 as bytes, four per int (VNNI's unsigned operand, broadcast per group).</summary>
    public int[] Offset { get; }

    /// <summary>Q as int16, four per long (the vpmaddwd kernel's operand, broadcast per group).</summary>
    public long[] Words { get; }

    /// <summary>An upper bound on ||q - sQ||_2.</summary>
    public double ResidualNorm { get; }

    /// <summary>An upper bound on ||q||_2 (1 for a template).</summary>
    public double Norm { get; }
}
