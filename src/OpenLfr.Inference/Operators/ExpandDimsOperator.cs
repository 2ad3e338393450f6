using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>ExpandDims: inserts a size-1 dimension at the axis given by input 1. A view.</summary>
internal sealed class ExpandDimsOperator : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var axis = (int)inputs[1].Scalar;
        if (axis < 0) axis += x.Rank + 1;
        if (axis < 0 || axis > x.Rank) throw Fail($"axis {inputs[1].Scalar} is out of range for a {x.ShapeText} tensor.");
        var shape = new List<int>(x.Shape);
        shape.Insert(axis, 1);
        outputs[0] = context.Alias(x, shape.ToArray());
    }
}
