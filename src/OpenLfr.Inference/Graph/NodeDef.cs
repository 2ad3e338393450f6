namespace OpenLfr.Inference.Graph;

/// <summary>One input of a node: output <see cref="Index"/> of node <see cref="Node"/>.</summary>
internal readonly record struct NodeInput(string Node, int Index)
{
    /// <summary>Parses "name", "name:1"; control inputs ("^name") return null.</summary>
    public static NodeInput? Parse(string text)
    {
        if (text.StartsWith('^')) return null;
        var colon = text.LastIndexOf(':');
        if (colon > 0 && int.TryParse(text.AsSpan(colon + 1), out var index)) return new NodeInput(text[..colon], index);
        return new NodeInput(text, 0);
    }

    public override string ToString() => Index == 0 ? Node : $"{Node}:{Index}";
}

/// <summary>A node of a loaded TF.js graph, as in model.json; constants carry their decoded value.</summary>
internal sealed class NodeDef
{
    public NodeDef(string name, string op, IReadOnlyList<NodeInput> inputs, IReadOnlyDictionary<string, AttrValue> attrs)
    {
        Name = name;
        Op = op;
        Inputs = inputs;
        Attrs = attrs;
    }

    public string Name { get; }
    public string Op { get; }
    public IReadOnlyList<NodeInput> Inputs { get; }
    public IReadOnlyDictionary<string, AttrValue> Attrs { get; }
    public Value? Constant { get; set; }

    public AttrValue? Attr(string name) => Attrs.TryGetValue(name, out var a) ? a : null;
    public string AttrString(string name, string fallback = "") => Attr(name)?.S ?? fallback;
    public long AttrInt(string name, long fallback = 0) => Attr(name)?.I ?? fallback;
    public bool AttrBool(string name, bool fallback = false) => Attr(name)?.B ?? fallback;
    public float AttrFloat(string name, float fallback = 0) => Attr(name)?.F ?? fallback;
    public long[] AttrInts(string name) => Attr(name)?.Ints ?? [];
    public string[] AttrStrings(string name) => Attr(name)?.Strings ?? [];
    /// <summary>A Placeholder's declared shape (-1 = any size), or null when unknown.</summary>
    public int[]? PlaceholderDims => Attr("shape")?.Shape;

    public override string ToString() => $"node '{Name}' (op {Op})";
}
