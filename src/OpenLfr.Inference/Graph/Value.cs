namespace OpenLfr.Inference.Graph;

/// <summary>One tensor flowing through the graph: a view of the first <see cref="Length"/> floats of a pooled buffer.</summary>
internal readonly struct Value
{
    public Value(Buffer buffer, int[] shape, DType type)
    {
        Buffer = buffer;
        Shape = shape;
        Type = type;
        Length = Tensor.ElementCount(shape);
    }

    public Buffer Buffer { get; }
    public int[] Shape { get; }
    public DType Type { get; }
    public int Length { get; }
    public bool IsEmpty => Buffer is null;
    public int Rank => Shape.Length;

    public Span<float> Span => Buffer.Data.AsSpan(0, Length);
    public ReadOnlySpan<float> ReadOnly => Buffer.Data.AsSpan(0, Length);

    /// <summary>The value read as integers (shapes, axes, paddings).</summary>
    public int[] ToInts()
    {
        var result = new int[Length];
        var data = Buffer.Data;
        for (var i = 0; i < result.Length; i++) result[i] = (int)data[i];
        return result;
    }

    public float Scalar => Buffer.Data[0];

    public static Value Constant(float[] data, int[] shape, DType type) => new(new Buffer(data, pinned: true), shape, type);

    public string ShapeText => "[" + string.Join(",", Shape) + "]";
}
