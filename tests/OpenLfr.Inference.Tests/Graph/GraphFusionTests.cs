using OpenLfr.Inference.Graph;
using OpenLfr.Inference.Tests.Operators;

namespace OpenLfr.Inference.Tests.Graph;

/// <summary>
/// Fused plans compute what the unfused graph computes: requesting every intermediate node keeps each op separate,
/// requesting only the last lets the plan builder fold bias, batch-norm, activations and padding into the convs.
/// </summary>
public sealed class GraphFusionTests
{
    private static float[] RandomData(int seed, int n, float scale = 1)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(r.NextDouble() * 2 - 1) * scale).ToArray();
    }

    private static (GraphModel Model, List<string> Nodes) Build(Func<GraphBuilder, string, List<string>, string> body, int[] inputShape)
    {
        var b = new GraphBuilder("test-graph", new Dictionary<string, WeightEntry>());
        var nodes = new List<string>();
        var x = b.Input("x", inputShape.Select((d, i) => i == 0 ? -1 : d).ToArray());
        var output = body(b, x, nodes);
        nodes.Add(output);
        return (GraphModel.FromGraph(b.Build(["x"], [output]), new InferenceOptions { Threads = 2 }), nodes);
    }

    private static void AssertFusedEqualsUnfused(GraphModel model, List<string> nodes, int[] inputShape, int expectFewerStepsBy)
    {
        var input = new Tensor(inputShape, RandomData(99, Tensor.ElementCount(inputShape), 2));
        var feeds = new Dictionary<string, Tensor> { ["x"] = input };
        var last = nodes[^1];
        var fused = model.Run(feeds, [last])[last];
        var unfused = model.Run(feeds, nodes)[last];
        Assert.Equal(unfused.Shape, fused.Shape);
        var max = unfused.Data.Max(MathF.Abs);
        for (var i = 0; i < fused.Data.Length; i++)
            Assert.True(MathF.Abs(fused.Data[i] - unfused.Data[i]) <= 1e-5f * Math.Max(max, 1), $"element {i}: fused {fused.Data[i]}, unfused {unfused.Data[i]}");
        Assert.True(model.Plan([last]).StepCount <= model.Plan(nodes).StepCount - expectFewerStepsBy,
            $"fused plan has {model.Plan([last]).StepCount} steps, unfused {model.Plan(nodes).StepCount}");
    }

    [Fact]
    public void Batchnorm_and_relu6_spelled_out_fold_into_the_conv()
    {
        int[] shape = [2, 9, 11, 5];
        var (model, nodes) = Build((b, x, nodes) =>
        {
            var y = b.Conv2D(x, b.Constant("w", RandomData(1, 3 * 3 * 5 * 7), [3, 3, 5, 7]), 2, "SAME"); nodes.Add(y);
            y = b.Op("Mul", [y, b.Constant("scale", RandomData(2, 7), [7])]); nodes.Add(y);
            y = b.Op("Add", [y, b.Constant("shift", RandomData(3, 7), [7])]); nodes.Add(y);
            y = b.Op("Relu", [y]); nodes.Add(y);
            y = b.Op("Minimum", [y, b.Scalar(6)]); nodes.Add(y);
            return b.Op("Maximum", [y, b.Scalar(0)]);
        }, shape);
        using (model) AssertFusedEqualsUnfused(model, nodes, shape, expectFewerStepsBy: 5);
    }

    [Fact]
    public void Prelu_spelled_as_relu_abs_sub_mul_add_folds_into_the_conv()
    {
        int[] shape = [1, 8, 8, 4];
        var (model, nodes) = Build((b, x, nodes) =>
        {
            var c = b.Op("Add", [b.Conv2D(x, b.Constant("w", RandomData(4, 4 * 6), [1, 1, 4, 6]), 1, "VALID"), b.Constant("bias", RandomData(5, 6), [6])]);
            nodes.Add(c);
            var relu = b.Op("Relu", [c]); nodes.Add(relu);
            var abs = b.Op("Abs", [c]); nodes.Add(abs);
            var sub = b.Op("Sub", [c, abs]); nodes.Add(sub);
            var mul = b.Op("Mul", [sub, b.Constant("alpha", RandomData(6, 6, 0.5f), [6])]); nodes.Add(mul);
            return b.Op("Add", [relu, mul]);
        }, shape);
        using (model) AssertFusedEqualsUnfused(model, nodes, shape, expectFewerStepsBy: 5);
    }

    [Fact]
    public void Prelu_pattern_after_a_relu_conv_is_the_identity_and_disappears()
    {
        int[] shape = [1, 5, 5, 4];
        var (model, nodes) = Build((b, x, nodes) =>
        {
            var c = b.Op("Relu", [b.Conv2D(x, b.Constant("w", RandomData(11, 4 * 6), [1, 1, 4, 6]), 1, "VALID")]);
            nodes.Add(c);
            var abs = b.Op("Abs", [c]); nodes.Add(abs);
            var sub = b.Op("Sub", [c, abs]); nodes.Add(sub);
            var mul = b.Op("Mul", [sub, b.Scalar(0.3f)]); nodes.Add(mul);
            return b.Op("Add", [c, mul]);
        }, shape);
        using (model) AssertFusedEqualsUnfused(model, nodes, shape, expectFewerStepsBy: 4);
    }

    [Fact]
    public void Explicit_pad_before_a_valid_depthwise_conv_becomes_its_padding()
    {
        int[] shape = [2, 7, 10, 3];
        var (model, nodes) = Build((b, x, nodes) =>
        {
            var p = b.Op("Pad", [x, b.Ints(0, 0, 1, 2, 2, 1, 0, 0)]); nodes.Add(p);
            var d = b.Depthwise(p, b.Constant("dw", RandomData(7, 3 * 3 * 3 * 2), [3, 3, 3, 2]), 2, "VALID"); nodes.Add(d);
            return b.Op("Relu", [d]);
        }, shape);
        using (model) AssertFusedEqualsUnfused(model, nodes, shape, expectFewerStepsBy: 2);
    }

    [Fact]
    public void Scalar_chains_collapse_and_relu_joins_pools_and_adds()
    {
        int[] shape = [2, 6, 5, 3];
        var (model, nodes) = Build((b, x, nodes) =>
        {
            var a = b.Op("Mul", [x, b.Scalar(0.5f)]); nodes.Add(a);
            a = b.Op("Sub", [a, b.Scalar(1)]); nodes.Add(a);
            a = b.Op("RealDiv", [a, b.Scalar(4)]); nodes.Add(a);
            var p = b.Pool("MaxPool", a, 3, 2, "SAME"); nodes.Add(p);
            p = b.Op("Relu", [p]); nodes.Add(p);
            var q = b.Op("Add", [p, p]); nodes.Add(q);
            var n = b.Op("Neg", [q]); nodes.Add(n);
            var c = b.Op("ConcatV2", [q, n, b.Ints(3)]); nodes.Add(c);
            return b.Op("Relu", [c]);
        }, shape);
        using (model) AssertFusedEqualsUnfused(model, nodes, shape, expectFewerStepsBy: 4);
    }

    [Fact]
    public void Affine_steps_around_a_pad_fold_into_it_border_included()
    {
        int[] shape = [2, 5, 6, 3];
        var (model, nodes) = Build((b, x, nodes) =>
        {
            var a = b.Op("Mul", [x, b.Scalar(0.5f)]); nodes.Add(a);
            var p = b.Op("Pad", [a, b.Ints(0, 0, 0, 3, 1, 2, 0, 0)]); nodes.Add(p);
            var m = b.Op("Mul", [b.Scalar(2f), p]); nodes.Add(m);
            return b.Op("Sub", [m, b.Scalar(1f)]);
        }, shape);
        using (model) AssertFusedEqualsUnfused(model, nodes, shape, expectFewerStepsBy: 3);
    }

    [Theory]
    [InlineData(3, 2, "SAME")]
    [InlineData(7, 4, "SAME")]
    [InlineData(5, 4, "SAME")]
    [InlineData(3, 2, "VALID")]
    public void Conv2d_in_a_graph_matches_a_naive_convolution_at_odd_sizes_and_batch_2(int k, int s, string padding)
    {
        int n = 2, h = 13, w = 17, cin = 3, cout = 5;
        var filter = RandomData(8, k * k * cin * cout);
        var bias = RandomData(9, cout);
        var b = new GraphBuilder("conv-test", new Dictionary<string, WeightEntry>());
        var x = b.Input("x", -1, h, w, cin);
        var y = b.Op("BiasAdd", [b.Conv2D(x, b.Constant("w", filter, [k, k, cin, cout]), s, padding), b.Constant("b", bias, [cout])]);
        using var model = GraphModel.FromGraph(b.Build(["x"], [y]), new InferenceOptions { Threads = 2 });
        var input = new Tensor([n, h, w, cin], RandomData(10, n * h * w * cin));
        var actual = model.Run(new Dictionary<string, Tensor> { ["x"] = input }, [y])[y];
        var same = padding == "SAME";
        int oh = same ? (h + s - 1) / s : (h - k) / s + 1, ow = same ? (w + s - 1) / s : (w - k) / s + 1;
        int pt = same ? Math.Max((oh - 1) * s + k - h, 0) / 2 : 0, pl = same ? Math.Max((ow - 1) * s + k - w, 0) / 2 : 0;
        Assert.Equal([n, oh, ow, cout], actual.Shape);
        for (var bi = 0; bi < n; bi++) for (var oy = 0; oy < oh; oy++) for (var ox = 0; ox < ow; ox++) for (var o = 0; o < cout; o++)
        {
            double acc = bias[o];
            for (var ky = 0; ky < k; ky++) for (var kx = 0; kx < k; kx++)
            {
                int iy = oy * s - pt + ky, ix = ox * s - pl + kx;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                for (var c = 0; c < cin; c++)
                    acc += input.Data[OpRunner.Offset(input.Shape, bi, iy, ix, c)] * (double)filter[OpRunner.Offset([k, k, cin, cout], ky, kx, c, o)];
            }
            var got = actual.Data[OpRunner.Offset(actual.Shape, bi, oy, ox, o)];
            Assert.True(Math.Abs(acc - got) <= 1e-4 * Math.Max(1, Math.Abs(acc)), $"[{bi},{oy},{ox},{o}]: naive {acc}, engine {got}");
        }
    }
}
