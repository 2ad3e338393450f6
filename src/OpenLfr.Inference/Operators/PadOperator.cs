using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Pad / PadV2 with a constant (zero unless input 2 gives one); paddings are input 1, [rank, 2].</summary>
internal sealed class PadOperator : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        var pads = inputs[1].ToInts();
        var rank = x.Rank;
        if (pads.Length != rank * 2) throw Fail($"paddings have {pads.Length} values; a {x.ShapeText} tensor needs {rank * 2}.");
        var fill = inputs.Length > 2 ? inputs[2].Scalar : 0f;
        var shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            if (pads[2 * d] < 0 || pads[2 * d + 1] < 0) throw Fail("negative padding.");
            shape[d] = x.Shape[d] + pads[2 * d] + pads[2 * d + 1];
        }
        if (pads.All(p => p == 0))
        {
            outputs[0] = context.Alias(x, shape);
            return;
        }
        var output = context.Allocate(shape, x.Type);
        var o = output.Span;
        o.Fill(fill);
        if (x.Length == 0) { outputs[0] = output; return; }
        // Trailing dimensions without padding are contiguous in both tensors: copy them as one block.
        var inner = rank;
        while (inner > 0 && pads[2 * (inner - 1)] == 0 && pads[2 * (inner - 1) + 1] == 0) inner--;
        // Dimensions [0, inner) are walked; the block is dimension inner-1's row times the contiguous tail.
        var walk = Math.Max(inner - 1, 0);
        var block = 1;
        for (var d = walk; d < rank; d++) block *= x.Shape[d];
        var outStrides = new int[rank];
        var acc = 1;
        for (var d = rank - 1; d >= 0; d--) { outStrides[d] = acc; acc *= shape[d]; }
        var blocks = x.Length / block;
        var index = new int[rank];
        var src = x.ReadOnly;
        var lead = walk < rank ? pads[2 * walk] * outStrides[walk] : 0;
        for (var r = 0; r < blocks; r++)
        {
            var offset = lead;
            for (var d = 0; d < walk; d++) offset += (index[d] + pads[2 * d]) * outStrides[d];
            src.Slice(r * block, block).CopyTo(o.Slice(offset, block));
            for (var d = walk - 1; d >= 0; d--)
            {
                if (++index[d] < x.Shape[d]) break;
                index[d] = 0;
            }
        }
        outputs[0] = output;
    }
}
