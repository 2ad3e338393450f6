using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Softmax over the last axis (max-subtracted for stability).</summary>
internal sealed class SoftmaxOperator : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var output = context.Allocate(x.Shape);
        var n = x.Shape.Length == 0 ? 1 : x.Shape[^1];
        var src = x.ReadOnly;
        var dst = output.Span;
        for (var start = 0; start < dst.Length; start += n)
        {
            var s = src.Slice(start, n);
            var d = dst.Slice(start, n);
            var m = float.NegativeInfinity;
            foreach (var v in s) m = MathF.Max(m, v);
            var sum = 0f;
            for (var i = 0; i < n; i++) { d[i] = MathF.Exp(s[i] - m); sum += d[i]; }
            var inv = 1f / sum;
            for (var i = 0; i < n; i++) d[i] *= inv;
        }
        outputs[0] = output;
    }
}
