using OpenLfr.Inference.Graph;
using OpenLfr.Inference.Kernels;
using OpenLfr.Inference.Operators;
using ExecutionContext = OpenLfr.Inference.Operators.ExecutionContext;

namespace OpenLfr.Inference.Tests.Operators;

/// <summary>Runs one operator outside a graph, and makes deterministic test data.</summary>
internal static class OpRunner
{
    public static Value[] Run(Operator op, params Value[] inputs)
    {
        var context = new ExecutionContext(Parallelism.Single);
        var outputs = new Value[op.OutputCount];
        op.Run(context, inputs, outputs);
        return outputs;
    }

    public static Value Val(int[] shape, float[] data, DType type = DType.Float32) => Value.Constant(data, shape, type);

    public static Value Ints(params int[] values) => Value.Constant(values.Select(v => (float)v).ToArray(), [values.Length], DType.Int32);

    public static Value Scalar(float v) => Value.Constant([v], [], DType.Float32);

    public static Value Random(int seed, params int[] shape)
    {
        var r = new Random(seed);
        var data = new float[Tensor.ElementCount(shape)];
        for (var i = 0; i < data.Length; i++) data[i] = (float)(r.NextDouble() * 2 - 1);
        return Value.Constant(data, shape, DType.Float32);
    }

    public static int Offset(int[] shape, params int[] index)
    {
        var o = 0;
        for (var d = 0; d < shape.Length; d++) o = o * shape[d] + index[d];
        return o;
    }

    public static void Equal(float[] expected, Value actual, float tolerance = 1e-5f)
    {
        Assert.Equal(expected.Length, actual.Length);
        var a = actual.ReadOnly;
        for (var i = 0; i < expected.Length; i++)
            Assert.True(MathF.Abs(expected[i] - a[i]) <= tolerance * Math.Max(1, MathF.Abs(expected[i])), $"element {i}: expected {expected[i]}, got {a[i]}");
    }
}
