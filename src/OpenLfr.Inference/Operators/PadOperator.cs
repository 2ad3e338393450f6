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
        var output = context.Allocate(shape, x.Type);
        var o = output.Span;
        o.Fill(fill);
        if (x.Length == 0) { outputs[0] = output; return; }
        // Copy the input one innermost row at a time into its padded place.
        var outStrides = new int[rank];
        var acc = 1;
        for (var d = rank - 1; d >= 0; d--) { outStrides[d] = acc; acc *= shape[d]; }
        var row = x.Shape[rank - 1];
        var rows = x.Length / row;
        var index = new int[rank];
        var src = x.ReadOnly;
        for (var r = 0; r < rows; r++)
        {
            var offset = 0;
            for (var d = 0; d < rank; d++) offset += (index[d] + pads[2 * d]) * outStrides[d];
            src.Slice(r * row, row).CopyTo(o.Slice(offset, row));
            for (var d = rank - 2; d >= 0; d--)
            {
                if (++index[d] < x.Shape[d]) break;
                index[d] = 0;
            }
        }
        outputs[0] = output;
    }
}
