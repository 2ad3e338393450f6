using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>DepthToSpace (NHWC, DCR order as TensorFlow): moves blocks of channels into block x block spatial tiles.</summary>
internal sealed class DepthToSpaceOperator(int block) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        if (x.Rank != 4 || x.Shape[3] % (block * block) != 0) throw Fail($"cannot move depth to space with block {block} for {x.ShapeText}.");
        int n = x.Shape[0], h = x.Shape[1], w = x.Shape[2], c = x.Shape[3], oc = c / (block * block);
        var output = context.Allocate([n, h * block, w * block, oc]);
        var src = x.ReadOnly;
        var dst = output.Span;
        for (var b = 0; b < n; b++)
            for (var y = 0; y < h; y++)
                for (var xx = 0; xx < w; xx++)
                    for (var by = 0; by < block; by++)
                    {
                        var s = src.Slice(((b * h + y) * w + xx) * c + by * block * oc, block * oc);
                        var d = dst.Slice(((b * h * block + y * block + by) * w * block + xx * block) * oc, block * oc);
                        s.CopyTo(d);
                    }
        outputs[0] = output;
    }
}
