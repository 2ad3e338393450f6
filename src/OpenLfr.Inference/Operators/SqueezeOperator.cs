using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Squeeze: drops the listed size-1 dimensions (all of them when none are listed). A view.</summary>
internal sealed class SqueezeOperator(long[] axes) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var rank = x.Rank;
        var drop = new bool[rank];
        if (axes.Length == 0)
            for (var i = 0; i < rank; i++) drop[i] = x.Shape[i] == 1;
        foreach (var a in axes)
        {
            var axis = (int)(a < 0 ? a + rank : a);
            if (axis < 0 || axis >= rank || x.Shape[axis] != 1)
                throw Fail($"cannot squeeze axis {a} of a {x.ShapeText} tensor.");
            drop[axis] = true;
        }
        var shape = new List<int>(rank);
        for (var i = 0; i < rank; i++) if (!drop[i]) shape.Add(x.Shape[i]);
        outputs[0] = context.Alias(x, shape.ToArray());
    }
}
