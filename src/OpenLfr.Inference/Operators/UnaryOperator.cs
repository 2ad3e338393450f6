using System.Numerics;
using System.Runtime.InteropServices;
using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Element-wise unary op; <paramref name="outputType"/> overrides the input type (Cast).</summary>
internal sealed class UnaryOperator<TOp>(DType? outputType = null) : Operator where TOp : IUnaryOp
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var output = context.Allocate(x.Shape, outputType ?? x.Type);
        Compute(x.ReadOnly, output.Span);
        outputs[0] = output;
    }

    public static void Compute(ReadOnlySpan<float> x, Span<float> y)
    {
        var start = 0;
        if (TOp.Vectorized)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
            for (var i = 0; i < vy.Length; i++) vy[i] = TOp.Apply(vx[i]);
            start = vy.Length * Vector<float>.Count;
        }
        for (var i = start; i < y.Length; i++) y[i] = TOp.Apply(x[i]);
    }
}

/// <summary>Identity copy with a new element type (Cast between float kinds, or from uint8 input).</summary>
internal sealed class CopyOperator(DType outputType) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        outputs[0] = context.Alias(inputs[0], inputs[0].Shape) is var v ? new Value(v.Buffer, v.Shape, outputType) : default;
    }
}

/// <summary>LeakyRelu with its scalar alpha.</summary>
internal sealed class LeakyReluOperator(float alpha) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var output = context.Allocate(x.Shape, x.Type);
        var xs = x.ReadOnly;
        var ys = output.Span;
        for (var i = 0; i < ys.Length; i++) ys[i] = xs[i] > 0 ? xs[i] : alpha * xs[i];
        outputs[0] = output;
    }
}
