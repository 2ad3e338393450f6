using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Shape: the input's dimensions as an int32 vector.</summary>
internal sealed class ShapeOperator : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var shape = inputs[0].Shape;
        var output = context.Allocate([shape.Length], DType.Int32);
        for (var i = 0; i < shape.Length; i++) output.Span[i] = shape[i];
        outputs[0] = output;
    }
}
