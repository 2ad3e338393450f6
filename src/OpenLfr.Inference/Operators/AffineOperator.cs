using System.Numerics;
using System.Runtime.InteropServices;
using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>y = x * scale + shift (optionally ReLU): a chain of Mul/Add/Sub/RealDiv by scalars collapsed into one pass.</summary>
internal sealed unsafe class AffineOperator(float scale, float shift, bool relu) : Operator
{
    private struct State
    {
        public float* Src;
        public float* Dst;
        public float Scale;
        public float Shift;
        public bool Relu;
    }

    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var output = context.Allocate(x.Shape, x.Type);
        fixed (float* src = x.ReadOnly)
        fixed (float* dst = output.Span)
        {
            var state = new State { Src = src, Dst = dst, Scale = scale, Shift = shift, Relu = relu };
            ParallelChunks.Run(context.Parallelism, x.Length, 1 << 15, &Body, &state);
        }
        outputs[0] = output;
    }

    private static void Body(void* s, int start, int end)
    {
        var st = (State*)s;
        Apply(new ReadOnlySpan<float>(st->Src + start, end - start), new Span<float>(st->Dst + start, end - start), st->Scale, st->Shift, st->Relu);
    }

    public static void Apply(ReadOnlySpan<float> src, Span<float> dst, float scale, float shift, bool relu)
    {
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
    }
}
