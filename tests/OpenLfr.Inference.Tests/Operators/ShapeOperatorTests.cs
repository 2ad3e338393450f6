using OpenLfr.Inference.Graph;
using OpenLfr.Inference.Operators;
using static OpenLfr.Inference.Tests.Operators.OpRunner;

namespace OpenLfr.Inference.Tests.Operators;

/// <summary>Data-movement and shape ops: Pad, ConcatV2/Pack/Unpack, StridedSlice, Reshape, Squeeze, Shape.</summary>
public sealed class ShapeOperatorTests
{
    [Theory]
    [InlineData(0, 0, 1, 2, 3, 0, 0, 0)]
    [InlineData(0, 0, 0, 0, 0, 0, 0, 5)]
    [InlineData(1, 0, 0, 1, 2, 2, 1, 1)]
    [InlineData(0, 0, 0, 0, 0, 0, 0, 0)]
    public void Pad_places_the_input_inside_a_constant_border(int a, int b, int c, int d, int e, int f, int g, int h)
    {
        var x = Random(5, 2, 3, 4, 5);
        var pads = new[] { a, b, c, d, e, f, g, h };
        var y = Run(new PadOperator(), x, Ints(pads), Scalar(7))[0];
        int[] shape = [2 + a + b, 3 + c + d, 4 + e + f, 5 + g + h];
        Assert.Equal(shape, y.Shape);
        var expected = Enumerable.Repeat(7f, Tensor.ElementCount(shape)).ToArray();
        if (pads.All(p => p == 0)) expected = x.ReadOnly.ToArray();
        else
            for (var i0 = 0; i0 < 2; i0++) for (var i1 = 0; i1 < 3; i1++) for (var i2 = 0; i2 < 4; i2++) for (var i3 = 0; i3 < 5; i3++)
                expected[Offset(shape, i0 + a, i1 + c, i2 + e, i3 + g)] = x.ReadOnly[Offset(x.Shape, i0, i1, i2, i3)];
        Equal(expected, y);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Concat_joins_along_any_axis_and_can_negate_an_input(int axis)
    {
        var a = Random(6, 2, 3, 4, 5);
        var b = Random(7, 2, 3, 4, 5);
        var y = Run(new ConcatOperator(null, [false, true]), a, b, Ints(axis))[0];
        var ax = axis < 0 ? axis + 4 : axis;
        var shape = new[] { 2, 3, 4, 5 };
        shape[ax] *= 2;
        Assert.Equal(shape, y.Shape);
        for (var i0 = 0; i0 < 2; i0++) for (var i1 = 0; i1 < 3; i1++) for (var i2 = 0; i2 < 4; i2++) for (var i3 = 0; i3 < 5; i3++)
        {
            int[] idx = [i0, i1, i2, i3];
            var src = Offset(a.Shape, idx);
            Assert.Equal(a.ReadOnly[src], y.ReadOnly[Offset(shape, idx)]);
            idx[ax] += a.Shape[ax];
            Assert.Equal(-b.ReadOnly[src], y.ReadOnly[Offset(shape, idx)]);
        }
    }

    [Fact]
    public void Pack_then_unpack_round_trips_on_a_middle_axis()
    {
        var parts = new[] { Random(1, 3, 4), Random(2, 3, 4), Random(3, 3, 4) };
        var packed = Run(new ConcatOperator(1), parts)[0];
        Assert.Equal([3, 3, 4], packed.Shape);
        Assert.Equal(parts[1].ReadOnly[Offset([3, 4], 2, 3)], packed.ReadOnly[Offset([3, 3, 4], 2, 1, 3)]);
        var unpacked = Run(new UnpackOperator(1, 3), packed);
        for (var k = 0; k < 3; k++) Equal(parts[k].ReadOnly.ToArray(), unpacked[k]);
    }

    [Fact]
    public void Strided_slice_handles_masks_negative_indices_steps_and_shrink()
    {
        var x = Val([4, 6], Enumerable.Range(0, 24).Select(i => (float)i).ToArray());
        // x[1:, ::-2] with begin_mask on axis 1's begin and end.
        var y = Run(new StridedSliceOperator(beginMask: 2, endMask: 2, shrinkMask: 0, 0, 0), x, Ints(1, 0), Ints(4, 0), Ints(1, -2))[0];
        Assert.Equal([3, 3], y.Shape);
        Equal([11, 9, 7, 17, 15, 13, 23, 21, 19], y);
        // x[-1, 2:5] with the first axis shrunk.
        var z = Run(new StridedSliceOperator(0, 0, shrinkMask: 1, 0, 0), x, Ints(-1, 2), Ints(0, 5), Ints(1, 1))[0];
        Assert.Equal([3], z.Shape);
        Equal([20, 21, 22], z);
    }

    [Fact]
    public void Shape_driven_reshape_infers_minus_one_and_shares_the_buffer()
    {
        var x = Random(9, 2, 3, 4);
        var shape = Run(new ShapeOperator(), x)[0];
        Assert.Equal(DType.Int32, shape.Type);
        Equal([2, 3, 4], shape);
        var y = Run(new ReshapeOperator(), x, Ints(-1, 4))[0];
        Assert.Equal([6, 4], y.Shape);
        Assert.Same(x.Buffer, y.Buffer);
        Assert.Throws<InvalidOperationException>(() => Run(new ReshapeOperator(), x, Ints(-1, 5)));
        var squeezed = Run(new SqueezeOperator([1]), Random(1, 2, 1, 3))[0];
        Assert.Equal([2, 3], squeezed.Shape);
    }
}
