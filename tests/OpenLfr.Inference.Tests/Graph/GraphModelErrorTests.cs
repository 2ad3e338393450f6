namespace OpenLfr.Inference.Tests.Graph;

/// <summary>Bad model files and bad inputs fail with an exception that names the file, node and op, and nothing else breaks.</summary>
public sealed class GraphModelErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openlfr-engine-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Topology = """
        {"modelTopology":{"node":[
          {"name":"x","op":"Placeholder","attr":{"dtype":{"type":"DT_FLOAT"},"shape":{"shape":{"dim":[{"size":"-1"},{"size":"2"}]}}}},
          {"name":"w","op":"Const","attr":{"dtype":{"type":"DT_FLOAT"}}},
          {"name":"y","op":"MatMul","input":["x","w"],"attr":{"transpose_a":{"b":false},"transpose_b":{"b":false}}},
          {"name":"z","op":"FancyOp","input":["y"]}]},
         "weightsManifest":[{"paths":["w.bin"],"weights":[{"name":"w","shape":[2,3],"dtype":"float32"}]}]}
        """;

    private string Write(string json, int weightBytes = 24)
    {
        var path = Path.Combine(_dir, "model.json");
        File.WriteAllText(path, json);
        if (weightBytes >= 0)
            File.WriteAllBytes(Path.Combine(_dir, "w.bin"), Enumerable.Range(0, weightBytes).Select(i => (byte)(i % 4 == 3 ? 0x3f : 0)).ToArray());
        return path;
    }

    private static Dictionary<string, Tensor> Input(params int[] shape) => new() { ["x"] = new Tensor(shape) };

    [Fact]
    public void Malformed_json_names_the_file()
    {
        var path = Write("{\"modelTopology\": [", 24);
        var e = Assert.Throws<ModelLoadException>(() => GraphModel.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("JSON", e.Message);
    }

    [Fact]
    public void Missing_shard_names_the_shard_and_the_fix()
    {
        var path = Write(Topology, weightBytes: -1);
        var e = Assert.Throws<ModelLoadException>(() => GraphModel.Load(path));
        Assert.Contains("w.bin", e.Message);
        Assert.Contains("models fetch", e.Message);
    }

    [Fact]
    public void Short_shard_names_the_weight()
    {
        var e = Assert.Throws<ModelLoadException>(() => GraphModel.Load(Write(Topology, weightBytes: 20)));
        Assert.Contains("'w'", e.Message);
        Assert.Contains("short", e.Message);
    }

    [Fact]
    public void Unknown_op_names_node_and_op_but_other_outputs_still_run()
    {
        using var model = GraphModel.Load(Write(Topology));
        var e = Assert.Throws<ModelLoadException>(() => model.Run(Input(1, 2), ["z"]));
        Assert.Contains("'z'", e.Message);
        Assert.Contains("FancyOp", e.Message);
        Assert.Contains("model.json", e.Message);
        var y = model.Run(Input(4, 2), ["y"])["y"];
        Assert.Equal([4, 3], y.Shape);
    }

    [Fact]
    public void Wrong_input_shape_missing_input_and_unknown_output_are_inference_errors()
    {
        using var model = GraphModel.Load(Write(Topology));
        Assert.Contains("[1,3]", Assert.Throws<InferenceException>(() => model.Run(Input(1, 3), ["y"])).Message);
        Assert.Contains("'x'", Assert.Throws<InferenceException>(() => model.Run(new Dictionary<string, Tensor>(), ["y"])).Message);
        Assert.Contains("'nope'", Assert.Throws<InferenceException>(() => model.Run(Input(1, 2), ["nope"])).Message);
        Assert.Equal([1, 3], model.Run(Input(1, 2), ["y"])["y"].Shape);
    }

    [Fact]
    public void A_weights_manifest_is_not_mistaken_for_a_graph()
    {
        var path = Write("""[{"paths":["w.bin"],"weights":[]}]""");
        Assert.Contains("modelTopology", Assert.Throws<ModelLoadException>(() => GraphModel.Load(path)).Message);
    }
}
