using OpenLfr.Testing;

namespace OpenLfr.Inference.Tests.Graph;

/// <summary>Behaviour of a loaded real model across runs: any node by name, memory reuse, input sizes.</summary>
public sealed class GraphModelRuntimeTests
{
    [RequiresModelsFact("mobilefacenet")]
    public void Steady_state_runs_allocate_only_the_returned_tensors_and_a_little_bookkeeping()
    {
        using var model = GraphModel.Load(OpenLfr.Testing.Models.Store.Require("mobilefacenet"), new InferenceOptions { Threads = 1 });
        var feeds = new Dictionary<string, Tensor> { ["img_inputs"] = new Tensor([2, 112, 112, 3]) };
        string[] outputs = ["embeddings"];
        model.Run(feeds, outputs);
        model.Run(feeds, outputs);
        var pooled = model.Plan(outputs).PooledFloats;
        var before = GC.GetAllocatedBytesForCurrentThread();
        model.Run(feeds, outputs);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(pooled, model.Plan(outputs).PooledFloats);
        // Activations alone are megabytes; a run may allocate shapes and the result, not buffers.
        Assert.True(allocated < 64 * 1024, $"a steady-state run allocated {allocated} bytes");
    }

    [RequiresModelsFact("faceboxes")]
    public void Faceboxes_runs_at_several_sizes_and_any_node_can_be_read()
    {
        using var model = GraphModel.Load(OpenLfr.Testing.Models.Store.Require("faceboxes"), new InferenceOptions { Threads = 2 });
        foreach (var (h, w) in new[] { (96, 160), (101, 77) })
        {
            var feeds = new Dictionary<string, Tensor> { ["image_tensor"] = new Tensor([1, h, w, 3]) };
            var result = model.Run(feeds, ["prediction_layers/class_predictor_0/BiasAdd", "conv1/CRelu"]);
            var head = result["prediction_layers/class_predictor_0/BiasAdd"];
            // The graph pads up to a multiple of 128 (via ceil(size * float16(1/128)), which rounds up a little),
            // then strides 32 to the first head: 21 anchors x 2 classes.
            static int Padded(int size) => (int)Math.Ceiling(size * 0.00782012939453125) * 128;
            Assert.Equal([1, Padded(h) / 32, Padded(w) / 32, 42], head.Shape);
            Assert.Equal(48, result["conv1/CRelu"].Shape[3]);
        }
    }
}
