using OpenLfr.Inference.Graph;
using OpenLfr.Inference.Operators;
using static OpenLfr.Inference.Tests.Operators.OpRunner;

namespace OpenLfr.Inference.Tests.Operators;

public sealed class BinaryOperatorTests
{
    // Naive broadcasting: map each output index to both inputs, right-aligned.
    private static float[] Reference(Value a, Value b, int[] outShape, Func<float, float, float> f)
    {
        var n = Tensor.ElementCount(outShape);
        var result = new float[n];
        var rank = outShape.Length;
        for (var i = 0; i < n; i++)
        {
            var idx = new int[rank];
            var rem = i;
            for (var d = rank - 1; d >= 0; d--) { idx[d] = rem % outShape[d]; rem /= outShape[d]; }
            result[i] = f(a.ReadOnly[Map(a.Shape, idx)], b.ReadOnly[Map(b.Shape, idx)]);
        }
        return result;
    }

    private static int Map(int[] shape, int[] outIndex)
    {
        var o = 0;
        var shift = outIndex.Length - shape.Length;
        for (var d = 0; d < shape.Length; d++) o = o * shape[d] + (shape[d] == 1 ? 0 : outIndex[d + shift]);
        return o;
    }

    public static TheoryData<int[], int[]> Shapes => new()
    {
        { [2, 3, 4, 5], [2, 3, 4, 5] },
        { [2, 3, 4, 5], [5] },
        { [5], [2, 3, 4, 5] },
        { [2, 3, 4, 5], [] },
        { [], [2, 3, 4, 37] },
        { [2, 3, 4, 5], [1, 3, 1, 5] },
        { [2, 1, 4, 1], [1, 3, 1, 5] },
        { [3, 1], [1, 33] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Broadcasting_matches_naive_reference_for_every_op(int[] sa, int[] sb)
    {
        var a = Random(1, sa);
        var b = Random(2, sb);
        var shape = Broadcast.Shape(sa, sb);
        Equal(Reference(a, b, shape, (x, y) => x + y), Run(new BinaryOperator<AddOp>(), a, b)[0]);
        Equal(Reference(a, b, shape, (x, y) => x - y), Run(new BinaryOperator<SubOp>(), a, b)[0]);
        Equal(Reference(a, b, shape, (x, y) => x * y), Run(new BinaryOperator<MulOp>(), a, b)[0]);
        Equal(Reference(a, b, shape, (x, y) => x / y), Run(new BinaryOperator<DivOp>(), a, b)[0], 1e-4f);
        Equal(Reference(a, b, shape, MathF.Max), Run(new BinaryOperator<MaxOp>(), a, b)[0]);
        Equal(Reference(a, b, shape, MathF.Min), Run(new BinaryOperator<MinOp>(), a, b)[0]);
        Equal(Reference(a, b, shape, (x, y) => MathF.Max(x - y, 0)), Run(new BinaryOperator<SubOp>(fusedRelu: true), a, b)[0]);
        Assert.Equal(shape, Run(new BinaryOperator<AddOp>(), a, b)[0].Shape);
    }

    [Fact]
    public void Incompatible_shapes_are_rejected_with_both_shapes_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Run(new BinaryOperator<AddOp>(), Random(1, 2, 3), Random(2, 4)));
        Assert.Contains("[2,3]", e.Message);
        Assert.Contains("[4]", e.Message);
    }

    [Fact]
    public void Prelu_scales_only_negative_values_per_channel()
    {
        var x = Val([1, 1, 2, 2], [-1, 2, -3, 4]);
        var alpha = Val([2], [0.5f, 0.25f]);
        Equal([-0.5f, 2, -1.5f, 4], Run(new BinaryOperator<PreluOp>(), x, alpha)[0]);
    }
}
