using OpenLfr.Inference.Graph;
using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Operators;

/// <summary>What an operator may use while running: pooled output buffers, a shared scratch area and the threads.</summary>
internal sealed class ExecutionContext
{
    private float[] _workspace = [];

    public ExecutionContext(Parallelism parallelism)
    {
        Parallelism = parallelism;
    }

    public BufferPool Pool { get; } = new();
    public Parallelism Parallelism { get; }

    /// <summary>A new value of <paramref name="shape"/>; contents are undefined (the op must write every element).</summary>
    public Value Allocate(int[] shape, DType type = DType.Float32) => new(Pool.Rent(Tensor.ElementCount(shape)), shape, type);

    /// <summary>A view of <paramref name="source"/>'s data with another shape of the same size (no copy).</summary>
    public Value Alias(Value source, int[] shape)
    {
        if (Tensor.ElementCount(shape) != source.Length)
            throw new InvalidOperationException($"cannot view a {source.ShapeText} tensor as [{string.Join(",", shape)}].");
        Pool.AddReference(source.Buffer);
        return new Value(source.Buffer, shape, source.Type);
    }

    /// <summary>Scratch memory valid until the next call; grows once to the largest request.</summary>
    public Span<float> Workspace(int floats)
    {
        if (_workspace.Length < floats) _workspace = new float[floats];
        return _workspace.AsSpan(0, floats);
    }
}
