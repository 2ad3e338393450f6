namespace OpenLfr.Inference;

/// <summary>
/// A dense float32 tensor in row-major order; images are NHWC. The tensor owns its array: after
/// <c>new Tensor(shape, data)</c> the caller must not keep writing to the array it passed.
/// Not thread-safe for concurrent writes.
/// </summary>
public sealed class Tensor
{
    /// <summary>A zero-filled tensor of the given shape.</summary>
    public Tensor(int[] shape) : this(shape, new float[ElementCount(shape)]) { }

    /// <summary>Wraps <paramref name="data"/> (no copy); its length must equal the product of <paramref name="shape"/>.</summary>
    public Tensor(int[] shape, float[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        var count = ElementCount(shape);
        if (data.Length != count)
            throw new ArgumentException($"Tensor data has {data.Length} elements but shape [{string.Join(",", shape)}] needs {count}.", nameof(data));
        Shape = (int[])shape.Clone();
        Data = data;
    }

    public int[] Shape { get; }
    public float[] Data { get; }
    public Span<float> Span => Data;
    public int Rank => Shape.Length;

    public static int ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"Tensor shape has a negative dimension ({d}).");
            count *= d;
            if (count > int.MaxValue) throw new ArgumentException("Tensor is larger than 2^31 elements.");
        }
        return (int)count;
    }

    public override string ToString() => $"Tensor[{string.Join(",", Shape)}]";
}
