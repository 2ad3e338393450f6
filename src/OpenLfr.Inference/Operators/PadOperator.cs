using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>
/// Pad / PadV2 with a constant (zero unless input 2 gives one); paddings are input 1, [rank, 2]. The plan may fold
/// scalar affine steps around it: the interior becomes x * scale + shift and the border <paramref name="fillOverride"/>,
/// so faceboxes' scale -> pad -> standardise is one pass. Without padding or transform it is a view.
/// </summary>
internal sealed unsafe class PadOperator(float scale = 1, float shift = 0, float? fillOverride = null) : Operator
{
    private struct State
    {
        public float* Src;
        public float* Dst;
        public int* Pads;
        public int* InShape;
        public int* OutStrides;
        public int Walk;
        public int Block;
        public int Lead;
        public float Scale;
        public float Shift;
        public float Fill;
    }

    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var pads = inputs[1].ToInts();
        var rank = x.Rank;
        if (pads.Length != rank * 2) throw Fail($"paddings have {pads.Length} values; a {x.ShapeText} tensor needs {rank * 2}.");
        var fill = fillOverride ?? (inputs.Length > 2 ? inputs[2].Scalar : 0f);
        var shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            if (pads[2 * d] < 0 || pads[2 * d + 1] < 0) throw Fail("negative padding.");
            shape[d] = x.Shape[d] + pads[2 * d] + pads[2 * d + 1];
        }
        var identity = scale == 1 && shift == 0;
        if (pads.All(p => p == 0) && identity)
        {
            outputs[0] = context.Alias(x, shape);
            return;
        }
        var output = context.Allocate(shape, x.Type);
        // Trailing dimensions without padding are contiguous in both tensors: copy them as one block per walked index.
        var inner = rank;
        while (inner > 0 && pads[2 * (inner - 1)] == 0 && pads[2 * (inner - 1) + 1] == 0) inner--;
        var walk = Math.Max(inner - 1, 0);
        var block = 1;
        for (var d = walk; d < rank; d++) block *= x.Shape[d];
        var outStrides = new int[rank];
        var acc = 1;
        for (var d = rank - 1; d >= 0; d--) { outStrides[d] = acc; acc *= shape[d]; }
        fixed (float* src = x.ReadOnly)
        fixed (float* dst = output.Span)
        fixed (int* p = pads)
        fixed (int* inShape = x.Shape)
        fixed (int* strides = outStrides)
        {
            var state = new State
            {
                Src = src, Dst = dst, Pads = p, InShape = inShape, OutStrides = strides, Walk = walk, Block = block,
                Lead = walk < rank ? pads[2 * walk] * outStrides[walk] : 0, Scale = scale, Shift = shift, Fill = fill,
            };
            if (x.Length != output.Length)
                ParallelChunks.Run(context.Parallelism, output.Length, 1 << 16, &FillRange, &state);
            if (x.Length > 0)
                ParallelChunks.Run(context.Parallelism, x.Length / block, Math.Max(1, (1 << 14) / block), &CopyBlocks, &state);
        }
        outputs[0] = output;
    }

    private static void FillRange(void* s, int start, int end) => new Span<float>(((State*)s)->Dst + start, end - start).Fill(((State*)s)->Fill);

    private static void CopyBlocks(void* s, int start, int end)
    {
        var st = (State*)s;
        for (var r = start; r < end; r++)
        {
            var offset = st->Lead;
            var rest = r;
            for (var d = st->Walk - 1; d >= 0; d--)
            {
                var i = rest % st->InShape[d];
                rest /= st->InShape[d];
                offset += (i + st->Pads[2 * d]) * st->OutStrides[d];
            }
            var from = new ReadOnlySpan<float>(st->Src + (long)r * st->Block, st->Block);
            var to = new Span<float>(st->Dst + offset, st->Block);
            if (st->Scale == 1 && st->Shift == 0) from.CopyTo(to);
            else AffineOperator.Apply(from, to, st->Scale, st->Shift, relu: false);
        }
    }
}
