using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Element-wise Add/Sub/Mul/Div/Maximum/Minimum/Prelu with broadcasting and an optional fused ReLU.</summary>
internal sealed unsafe class BinaryOperator<TOp> : Operator where TOp : IBinaryOp
{
    public BinaryOperator(bool fusedRelu = false)
    {
        FusedRelu = fusedRelu;
    }

    public bool FusedRelu { get; }

    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var a = inputs[0];
        var b = inputs[1];
        var shape = Broadcast.SameShape(a.Shape, b.Shape) ? a.Shape : Broadcast.Shape(a.Shape, b.Shape);
        var type = a.Type == DType.Float32 || b.Type == DType.Float32 ? DType.Float32 : a.Type;
        var output = context.Allocate(shape, type);
        if (a.Length == output.Length && b.Length == output.Length && output.Length >= 1 << 15 && context.Parallelism.Threads > 1)
            ComputeSameParallel(a, b, output, FusedRelu, context);
        else
            Compute(a, b, output, FusedRelu);
        outputs[0] = output;
    }

    private struct State
    {
        public float* A;
        public float* B;
        public float* O;
        public bool Relu;
    }

    // The residual adds of the ResNets and MobileNets: same shapes, big tensors, worth both threads.
    private static void ComputeSameParallel(Value a, Value b, Value output, bool relu, ExecutionContext context)
    {
        fixed (float* pa = a.ReadOnly)
        fixed (float* pb = b.ReadOnly)
        fixed (float* po = output.Span)
        {
            var state = new State { A = pa, B = pb, O = po, Relu = relu };
            ParallelChunks.Run(context.Parallelism, output.Length, 1 << 14, &SameRange, &state);
        }
    }

    private static void SameRange(void* s, int start, int end)
    {
        var st = (State*)s;
        var n = end - start;
        BinaryLoops.Same<TOp>(new ReadOnlySpan<float>(st->A + start, n), new ReadOnlySpan<float>(st->B + start, n), new Span<float>(st->O + start, n), st->Relu);
    }

    public static void Compute(Value a, Value b, Value output, bool relu)
    {
        var o = output.Span;
        if (a.Length == o.Length && b.Length == o.Length && Broadcast.SameShape(a.Shape, b.Shape))
            BinaryLoops.Same<TOp>(a.ReadOnly, b.ReadOnly, o, relu);
        else if (b.Length == 1 && a.Length == o.Length)
            BinaryLoops.Scalar<TOp>(a.ReadOnly, b.Scalar, o, sFirst: false, relu);
        else if (a.Length == 1 && b.Length == o.Length)
            BinaryLoops.Scalar<TOp>(b.ReadOnly, a.Scalar, o, sFirst: true, relu);
        else if (a.Length == o.Length && Broadcast.IsTrailingRepeat(output.Shape, b.Shape))
            BinaryLoops.Repeat<TOp>(a.ReadOnly, b.ReadOnly, o, bFirst: false, relu);
        else if (b.Length == o.Length && Broadcast.IsTrailingRepeat(output.Shape, a.Shape))
            BinaryLoops.Repeat<TOp>(b.ReadOnly, a.ReadOnly, o, bFirst: true, relu);
        else
            General(a, b, output, relu);
    }

    // Any broadcast, one element at a time with an odometer over the output index.
    private static void General(Value a, Value b, Value output, bool relu)
    {
        var shape = output.Shape;
        var rank = shape.Length;
        var sa = Broadcast.Strides(a.Shape, shape);
        var sb = Broadcast.Strides(b.Shape, shape);
        Span<int> index = stackalloc int[Math.Max(rank, 1)];
        index.Clear();
        var ad = a.ReadOnly;
        var bd = b.ReadOnly;
        var o = output.Span;
        int ia = 0, ib = 0;
        for (var i = 0; i < o.Length; i++)
        {
            var r = TOp.Apply(ad[ia], bd[ib]);
            o[i] = relu ? MathF.Max(r, 0) : r;
            for (var d = rank - 1; d >= 0; d--)
            {
                index[d]++;
                ia += sa[d];
                ib += sb[d];
                if (index[d] < shape[d]) break;
                ia -= sa[d] * shape[d];
                ib -= sb[d] * shape[d];
                index[d] = 0;
            }
        }
    }
}
