using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>TensorFlow StridedSlice with begin/end/shrink-axis masks (ellipsis and new-axis masks are not used by our graphs).</summary>
internal sealed class StridedSliceOperator(int beginMask, int endMask, int shrinkMask, int ellipsisMask, int newAxisMask) : Operator
{
    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        if (ellipsisMask != 0 || newAxisMask != 0) throw Fail("ellipsis_mask and new_axis_mask are not supported.");
        var x = inputs[0];
        var begin = inputs[1].ToInts();
        var end = inputs[2].ToInts();
        var strides = inputs[3].ToInts();
        var rank = x.Rank;
        if (begin.Length > rank) throw Fail($"slice spec has {begin.Length} dimensions but the input is {x.ShapeText}.");
        var starts = new int[rank];
        var steps = new int[rank];
        var sizes = new int[rank];
        var outShape = new List<int>(rank);
        for (var i = 0; i < rank; i++)
        {
            var dim = x.Shape[i];
            if (i >= begin.Length)
            {
                starts[i] = 0; steps[i] = 1; sizes[i] = dim; outShape.Add(dim);
                continue;
            }
            var s = strides[i];
            if (s == 0) throw Fail("a stride of 0.");
            if ((shrinkMask >> i & 1) != 0)
            {
                var b0 = begin[i] < 0 ? begin[i] + dim : begin[i];
                if (b0 < 0 || b0 >= dim) throw Fail($"index {begin[i]} is out of range for dimension {i} of {x.ShapeText}.");
                starts[i] = b0; steps[i] = 1; sizes[i] = 1;
                continue;
            }
            int b, e;
            if ((beginMask >> i & 1) != 0) b = s > 0 ? 0 : dim - 1;
            else
            {
                b = begin[i] < 0 ? begin[i] + dim : begin[i];
                b = s > 0 ? Math.Clamp(b, 0, dim) : Math.Clamp(b, -1, dim - 1);
            }
            if ((endMask >> i & 1) != 0) e = s > 0 ? dim : -1;
            else
            {
                e = end[i] < 0 ? end[i] + dim : end[i];
                e = s > 0 ? Math.Clamp(e, 0, dim) : Math.Clamp(e, -1, dim - 1);
            }
            var size = s > 0 ? Math.Max(0, (e - b + s - 1) / s) : Math.Max(0, (b - e + (-s) - 1) / (-s));
            starts[i] = b; steps[i] = s; sizes[i] = size; outShape.Add(size);
        }
        var output = context.Allocate(outShape.ToArray(), x.Type);
        Gather(x, starts, steps, sizes, output.Span);
        outputs[0] = output;
    }

    private static void Gather(Value x, int[] starts, int[] steps, int[] sizes, Span<float> output)
    {
        var rank = x.Rank;
        var count = 1;
        foreach (var s in sizes) count *= s;
        if (count == 0) return;
        var strides = new int[rank];
        var acc = 1;
        for (var i = rank - 1; i >= 0; i--) { strides[i] = acc; acc *= x.Shape[i]; }
        var index = new int[rank];
        var src = x.ReadOnly;
        for (var o = 0; o < count; o++)
        {
            var offset = 0;
            for (var d = 0; d < rank; d++) offset += (starts[d] + index[d] * steps[d]) * strides[d];
            output[o] = src[offset];
            for (var d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < sizes[d]) break;
                index[d] = 0;
            }
        }
    }
}
