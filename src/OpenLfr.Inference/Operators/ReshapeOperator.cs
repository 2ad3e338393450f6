using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Reshape to the shape given by input 1 (one dimension may be -1). A view: no data is copied.</summary>
internal sealed class ReshapeOperator : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var shape = inputs[1].ToInts();
        var unknown = -1;
        long known = 1;
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1)
            {
                if (unknown >= 0) throw Fail("the target shape has more than one -1.");
                unknown = i;
            }
            else known *= shape[i];
        }
        if (unknown >= 0)
        {
            if (known == 0 || x.Length % known != 0)
                throw Fail($"cannot reshape {x.ShapeText} to [{string.Join(",", shape)}].");
            shape[unknown] = (int)(x.Length / known);
        }
        if (Tensor.ElementCount(shape) != x.Length)
            throw Fail($"cannot reshape {x.ShapeText} ({x.Length} values) to [{string.Join(",", shape)}].");
        outputs[0] = context.Alias(x, shape);
    }
}
