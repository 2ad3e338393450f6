using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Mean / Sum / Max / Min over a contiguous run of axes (input 1), with keep_dims.</summary>
internal sealed class ReduceOperator(ReduceOperator.Kind kind, bool keepDims) : Operator
{
    public enum Kind { Mean, Sum, Max, Min }

    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var rank = x.Rank;
        var reduce = new bool[rank];
        foreach (var a in inputs[1].ToInts())
        {
            var axis = a < 0 ? a + rank : a;
            if (axis < 0 || axis >= rank) throw Fail($"axis {a} is out of range for {x.ShapeText}.");
            reduce[axis] = true;
        }
        int firstAxis = Array.IndexOf(reduce, true), lastAxis = Array.LastIndexOf(reduce, true);
        if (firstAxis < 0) { outputs[0] = context.Alias(x, x.Shape); return; }
        for (var d = firstAxis; d <= lastAxis; d++)
            if (!reduce[d]) throw Fail("reducing over non-adjacent axes is not supported.");
        int outer = 1, mid = 1, inner = 1;
        for (var d = 0; d < rank; d++)
        {
            if (d < firstAxis) outer *= x.Shape[d];
            else if (d <= lastAxis) mid *= x.Shape[d];
            else inner *= x.Shape[d];
        }
        var shape = new List<int>();
        for (var d = 0; d < rank; d++)
            if (!reduce[d]) shape.Add(x.Shape[d]);
            else if (keepDims) shape.Add(1);
        var output = context.Allocate(shape.ToArray(), x.Type);
        var o = output.Span;
        var src = x.ReadOnly;
        for (var a = 0; a < outer; a++)
        {
            var row = o.Slice(a * inner, inner);
            var baseIndex = a * mid * inner;
            src.Slice(baseIndex, inner).CopyTo(row);
            for (var m = 1; m < mid; m++)
            {
                var s = src.Slice(baseIndex + m * inner, inner);
                switch (kind)
                {
                    case Kind.Max: for (var i = 0; i < inner; i++) row[i] = MathF.Max(row[i], s[i]); break;
                    case Kind.Min: for (var i = 0; i < inner; i++) row[i] = MathF.Min(row[i], s[i]); break;
                    default: for (var i = 0; i < inner; i++) row[i] += s[i]; break;
                }
            }
            if (kind == Kind.Mean)
            {
                var inv = 1f / mid;
                for (var i = 0; i < inner; i++) row[i] *= inv;
            }
        }
        outputs[0] = output;
    }
}
