using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>ConcatV2 (axis is the last input) and Pack (stack along a new axis, <paramref name="packAxis"/>).
/// Inputs flagged in <paramref name="negated"/> are written negated (CReLU's concat(x, -x) in one pass).</summary>
internal sealed class ConcatOperator(int? packAxis, bool[]? negated = null) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var parts = packAxis is null ? inputs[..^1] : inputs;
        var first = parts[0];
        var rank = packAxis is null ? first.Rank : first.Rank + 1;
        var axis = packAxis ?? (int)inputs[^1].Scalar;
        if (axis < 0) axis += rank;
        if (axis < 0 || axis >= rank) throw Fail($"axis {axis} is out of range for rank {rank}.");
        // Shapes with the concatenation axis made explicit (Pack inserts a 1).
        var outShape = packAxis is null ? (int[])first.Shape.Clone() : Insert(first.Shape, axis);
        outShape[axis] = 0;
        var type = first.Type;
        foreach (var p in parts)
        {
            var shape = packAxis is null ? p.Shape : Insert(p.Shape, axis);
            if (shape.Length != rank) throw Fail($"inputs have different ranks ({first.ShapeText} and {p.ShapeText}).");
            for (var d = 0; d < rank; d++)
                if (d != axis && shape[d] != (packAxis is null ? first.Shape[d] : Insert(first.Shape, axis)[d]))
                    throw Fail($"inputs {first.ShapeText} and {p.ShapeText} differ outside the concatenation axis.");
            outShape[axis] += shape[axis];
            if (p.Type == DType.Float32) type = DType.Float32;
        }
        var output = context.Allocate(outShape, type);
        var outer = 1;
        for (var d = 0; d < axis; d++) outer *= outShape[d];
        var inner = 1;
        for (var d = axis + 1; d < rank; d++) inner *= outShape[d];
        var o = output.Span;
        var rowOut = outShape[axis] * inner;
        var offset = 0;
        for (var k = 0; k < parts.Length; k++)
        {
            var p = parts[k];
            var block = p.Length / Math.Max(outer, 1);
            var src = p.ReadOnly;
            var negate = negated is not null && negated[k];
            for (var r = 0; r < outer; r++)
            {
                if (negate) UnaryOperator<NegOp>.Compute(src.Slice(r * block, block), o.Slice(r * rowOut + offset, block));
                else src.Slice(r * block, block).CopyTo(o.Slice(r * rowOut + offset, block));
            }
            offset += block;
        }
        outputs[0] = output;
    }

    private static int[] Insert(int[] shape, int axis)
    {
        var result = new int[shape.Length + 1];
        for (int i = 0, j = 0; i < result.Length; i++) result[i] = i == axis ? 1 : shape[j++];
        return result;
    }
}
