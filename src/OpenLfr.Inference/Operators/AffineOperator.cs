using System.Numerics;
using System.Runtime.InteropServices;
using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>y = x * scale + shift (optionally ReLU): a chain of Mul/Add/Sub/RealDiv by scalars collapsed into one pass.</summary>
internal sealed class AffineOperator(float scale, float shift, bool relu) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var output = context.Allocate(x.Shape, x.Type);
        var src = x.ReadOnly;
        var dst = output.Span;
        var vs = new Vector<float>(scale);
        var vb = new Vector<float>(shift);
        var vx = MemoryMarshal.Cast<float, Vector<float>>(src);
        var vy = MemoryMarshal.Cast<float, Vector<float>>(dst);
        for (var i = 0; i < vy.Length; i++)
        {
            var r = vx[i] * vs + vb;
            vy[i] = relu ? Vector.Max(r, Vector<float>.Zero) : r;
        }
        for (var i = vy.Length * Vector<float>.Count; i < dst.Length; i++)
        {
            var r = src[i] * scale + shift;
            dst[i] = relu ? MathF.Max(r, 0) : r;
        }
        outputs[0] = output;
    }
}
