using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Unpack (unstack): splits along an axis into <paramref name="count"/> outputs without that axis.</summary>
internal sealed class UnpackOperator(int axisAttr, int count) : Operator
{
    public override int OutputCount => count;

    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var axis = axisAttr < 0 ? axisAttr + x.Rank : axisAttr;
        if (axis < 0 || axis >= x.Rank || x.Shape[axis] != count)
            throw Fail($"cannot unpack {x.ShapeText} into {count} along axis {axisAttr}.");
        var shape = x.Shape.Where((_, i) => i != axis).ToArray();
        var outer = 1;
        for (var d = 0; d < axis; d++) outer *= x.Shape[d];
        var inner = x.Length / Math.Max(outer * count, 1);
        var src = x.ReadOnly;
        for (var k = 0; k < count; k++)
        {
            var output = context.Allocate((int[])shape.Clone(), x.Type);
            var o = output.Span;
            for (var r = 0; r < outer; r++)
                src.Slice((r * count + k) * inner, inner).CopyTo(o.Slice(r * inner, inner));
            outputs[k] = output;
        }
    }
}
