using OpenLfr.Inference.Operators;
using static OpenLfr.Inference.Tests.Operators.OpRunner;

namespace OpenLfr.Inference.Tests.Operators;

public sealed class PoolOperatorTests
{
    // TF semantics: SAME puts the extra padding at the bottom/right; AvgPool divides by the real inputs only.
    private static float[] Reference(OpenLfr.Inference.Graph.Value x, bool max, int k, int s, bool same, out int[] shape)
    {
        int n = x.Shape[0], h = x.Shape[1], w = x.Shape[2], c = x.Shape[3];
        int oh = same ? (h + s - 1) / s : (h - k) / s + 1, ow = same ? (w + s - 1) / s : (w - k) / s + 1;
        int pt = same ? Math.Max((oh - 1) * s + k - h, 0) / 2 : 0, pl = same ? Math.Max((ow - 1) * s + k - w, 0) / 2 : 0;
        shape = [n, oh, ow, c];
        var result = new float[n * oh * ow * c];
        for (var b = 0; b < n; b++)
            for (var oy = 0; oy < oh; oy++)
                for (var ox = 0; ox < ow; ox++)
                    for (var ch = 0; ch < c; ch++)
                    {
                        float acc = max ? float.NegativeInfinity : 0;
                        var count = 0;
                        for (var ky = 0; ky < k; ky++)
                            for (var kx = 0; kx < k; kx++)
                            {
                                int y = oy * s - pt + ky, xx = ox * s - pl + kx;
                                if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
                                var v = x.ReadOnly[Offset(x.Shape, b, y, xx, ch)];
                                acc = max ? MathF.Max(acc, v) : acc + v;
                                count++;
                            }
                        result[Offset(shape, b, oy, ox, ch)] = max ? acc : acc / count;
                    }
        return result;
    }

    [Theory]
    [InlineData(true, 3, 2, true)]
    [InlineData(true, 3, 1, true)]
    [InlineData(true, 2, 2, false)]
    [InlineData(false, 2, 2, false)]
    [InlineData(false, 3, 2, true)]
    [InlineData(false, 7, 2, false)]
    [InlineData(true, 3, 4, true)]
    [InlineData(false, 5, 4, true)]
    public void Pools_match_naive_reference_at_odd_sizes_and_batch_2(bool max, int k, int s, bool same)
    {
        var x = Random(3, 2, 13, 11, 19);
        var expected = Reference(x, max, k, s, same, out var shape);
        var actual = Run(new PoolOperator(max, k, k, s, s, same), x)[0];
        Assert.Equal(shape, actual.Shape);
        Equal(expected, actual);
    }

    [Fact]
    public void Fused_relu_clamps_pooled_values()
    {
        var x = Random(4, 1, 6, 6, 3);
        var expected = Reference(x, true, 3, 2, true, out _).Select(v => MathF.Max(v, 0)).ToArray();
        Equal(expected, Run(new PoolOperator(true, 3, 3, 2, 2, true, relu: true), x)[0]);
    }
}
