namespace OpenLfr.Inference.Graph;

/// <summary>Builds a <see cref="GraphDef"/> in code, for networks shipped as weights without a topology (face-api).</summary>
internal sealed class GraphBuilder
{
    private readonly Dictionary<string, NodeDef> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WeightEntry> _weights;
    private readonly string _sourcePath;
    private int _counter;

    public GraphBuilder(string sourcePath, Dictionary<string, WeightEntry> weights)
    {
        _sourcePath = sourcePath;
        _weights = weights;
    }

    /// <summary>A constant node holding the named weight; checks its shape when <paramref name="shape"/> is given.</summary>
    public string Weight(string name, params int[] shape)
    {
        if (_nodes.ContainsKey(name)) return name;
        if (!_weights.TryGetValue(name, out var w))
            throw new ModelLoadException($"{_sourcePath}: weight '{name}' is missing from the manifest; is this the right model file?");
        if (shape.Length > 0 && !w.Shape.AsSpan().SequenceEqual(shape))
            throw new ModelLoadException($"{_sourcePath}: weight '{name}' has shape [{string.Join(",", w.Shape)}], expected [{string.Join(",", shape)}].");
        return Constant(name, w.Data, w.Shape, w.Type);
    }

    public int[] ShapeOf(string weight) => _weights[weight].Shape;

    public string Constant(string name, float[] data, int[] shape, DType type = DType.Float32)
    {
        var node = new NodeDef(name, "Const", [], new Dictionary<string, AttrValue>()) { Constant = Value.Constant(data, shape, type) };
        _nodes[name] = node;
        return name;
    }

    public string Scalar(float value) => Constant($"const_{_counter++}", [value], []);

    public string Ints(params int[] values) => Constant($"const_{_counter++}", values.Select(v => (float)v).ToArray(), [values.Length], DType.Int32);

    public string Input(string name, params int[] shape) =>
        Add(name, "Placeholder", [], ("shape", AttrValue.OfShape(shape)), ("dtype", AttrValue.Of("DT_FLOAT")));

    public string Op(string op, string[] inputs, params (string Name, AttrValue Value)[] attrs) =>
        Add($"{op.ToLowerInvariant()}_{_counter++}", op, inputs, attrs);

    public string Add(string name, string op, string[] inputs, params (string Name, AttrValue Value)[] attrs)
    {
        var parsed = inputs.Select(i => NodeInput.Parse(i)!.Value).ToList();
        _nodes[name] = new NodeDef(name, op, parsed, attrs.ToDictionary(a => a.Name, a => a.Value));
        return name;
    }

    public string Conv2D(string x, string filter, int stride, string padding) =>
        Op("Conv2D", [x, filter], ("strides", AttrValue.OfInts(1, stride, stride, 1)), ("padding", AttrValue.Of(padding)));

    public string Depthwise(string x, string filter, int stride, string padding) =>
        Op("DepthwiseConv2dNative", [x, filter], ("strides", AttrValue.OfInts(1, stride, stride, 1)), ("padding", AttrValue.Of(padding)));

    public string Pool(string op, string x, int k, int stride, string padding) =>
        Op(op, [x], ("ksize", AttrValue.OfInts(1, k, k, 1)), ("strides", AttrValue.OfInts(1, stride, stride, 1)), ("padding", AttrValue.Of(padding)));

    public GraphDef Build(IReadOnlyList<string> inputs, IReadOnlyList<string> outputs) => new(_sourcePath, _nodes, inputs, outputs);
}
