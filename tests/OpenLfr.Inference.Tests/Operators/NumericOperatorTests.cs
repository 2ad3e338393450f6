using OpenLfr.Inference.Operators;
using static OpenLfr.Inference.Tests.Operators.OpRunner;

namespace OpenLfr.Inference.Tests.Operators;

/// <summary>Reductions, softmax, resizing, depth-to-space, affine and unary ops against direct formulas.</summary>
public sealed class NumericOperatorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mean_over_spatial_axes_is_the_global_average(bool keepDims)
    {
        var x = Random(1, 2, 5, 7, 3);
        var y = Run(new ReduceOperator(ReduceOperator.Kind.Mean, keepDims), x, Ints(1, 2))[0];
        Assert.Equal(keepDims ? [2, 1, 1, 3] : new[] { 2, 3 }, y.Shape);
        var expected = new float[6];
        for (var b = 0; b < 2; b++) for (var c = 0; c < 3; c++)
        {
            double sum = 0;
            for (var h = 0; h < 5; h++) for (var w = 0; w < 7; w++) sum += x.ReadOnly[Offset(x.Shape, b, h, w, c)];
            expected[b * 3 + c] = (float)(sum / 35);
        }
        Equal(expected, y);
        var total = Run(new ReduceOperator(ReduceOperator.Kind.Sum, true), x, Ints(-1))[0];
        Assert.Equal([2, 5, 7, 1], total.Shape);
    }

    [Fact]
    public void Softmax_rows_are_exponentials_normalised_to_one()
    {
        var x = Val([2, 3], [1, 2, 3, 1000, 1000, 1000]);
        var y = Run(new SoftmaxOperator(), x)[0];
        var e = new[] { MathF.Exp(1), MathF.Exp(2), MathF.Exp(3) };
        var s = e.Sum();
        Equal([e[0] / s, e[1] / s, e[2] / s, 1 / 3f, 1 / 3f, 1 / 3f], y);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Resize_bilinear_follows_tensorflow_sampling(bool alignCorners, bool halfPixel)
    {
        var x = Random(2, 2, 5, 7, 3);
        const int oh = 9, ow = 4;
        var y = Run(new ResizeBilinearOperator(alignCorners, halfPixel), x, Ints(oh, ow))[0];
        Assert.Equal([2, oh, ow, 3], y.Shape);
        float Src(int o, int inSize, int outSize)
        {
            var scale = alignCorners && outSize > 1 ? (inSize - 1f) / (outSize - 1) : inSize / (float)outSize;
            return halfPixel ? (o + 0.5f) * scale - 0.5f : o * scale;
        }
        for (var b = 0; b < 2; b++) for (var oy = 0; oy < oh; oy++) for (var ox = 0; ox < ow; ox++) for (var c = 0; c < 3; c++)
        {
            float sy = Src(oy, 5, oh), sx = Src(ox, 7, ow);
            int y0 = Math.Clamp((int)MathF.Floor(sy), 0, 4), y1 = Math.Min((int)MathF.Ceiling(sy), 4);
            int x0 = Math.Clamp((int)MathF.Floor(sx), 0, 6), x1 = Math.Min((int)MathF.Ceiling(sx), 6);
            float fy = sy - MathF.Floor(sy), fx = sx - MathF.Floor(sx);
            float V(int yy, int xx) => x.ReadOnly[Offset(x.Shape, b, yy, xx, c)];
            var top = V(y0, x0) + (V(y0, x1) - V(y0, x0)) * fx;
            var bottom = V(y1, x0) + (V(y1, x1) - V(y1, x0)) * fx;
            Assert.Equal(top + (bottom - top) * fy, y.ReadOnly[Offset(y.Shape, b, oy, ox, c)], 5);
        }
    }

    [Fact]
    public void Depth_to_space_moves_channel_blocks_to_pixels()
    {
        var x = Random(3, 2, 3, 5, 8);
        var y = Run(new DepthToSpaceOperator(2), x)[0];
        Assert.Equal([2, 6, 10, 2], y.Shape);
        for (var b = 0; b < 2; b++) for (var h = 0; h < 6; h++) for (var w = 0; w < 10; w++) for (var c = 0; c < 2; c++)
        {
            var src = x.ReadOnly[Offset(x.Shape, b, h / 2, w / 2, ((h % 2) * 2 + w % 2) * 2 + c)];
            Assert.Equal(src, y.ReadOnly[Offset(y.Shape, b, h, w, c)]);
        }
    }

    [Fact]
    public void Affine_and_unary_ops_match_their_formulas()
    {
        var x = Random(4, 3, 37);
        var xs = x.ReadOnly.ToArray();
        Equal(xs.Select(v => MathF.Max(v * 2.5f - 1, 0)).ToArray(), Run(new AffineOperator(2.5f, -1, relu: true), x)[0]);
        Equal(xs.Select(v => 1 / (1 + MathF.Exp(-v))).ToArray(), Run(new UnaryOperator<SigmoidOp>(), x)[0]);
        Equal(xs.Select(v => MathF.Min(MathF.Max(v * 10, 0), 6)).ToArray(), Run(new UnaryOperator<Relu6Op>(), Run(new AffineOperator(10, 0, false), x)[0])[0]);
        Equal(xs.Select(MathF.Abs).ToArray(), Run(new UnaryOperator<AbsOp>(), x)[0]);
        Equal(xs.Select(v => MathF.Truncate(v * 10)).ToArray(), Run(new UnaryOperator<TruncateOp>(OpenLfr.Inference.Graph.DType.Int32), Run(new AffineOperator(10, 0, false), x)[0])[0]);
    }
}
