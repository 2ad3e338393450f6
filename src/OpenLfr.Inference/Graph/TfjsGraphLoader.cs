using System.Text.Json;

namespace OpenLfr.Inference.Graph;

/// <summary>Loads a TF.js graph model (model.json with <c>modelTopology</c> and <c>weightsManifest</c>, plus shards).</summary>
internal static class TfjsGraphLoader
{
    public static GraphDef Load(string modelJsonPath)
    {
        var path = Path.GetFullPath(modelJsonPath);
        if (!File.Exists(path))
            throw new ModelLoadException($"Model file '{path}' does not exist. Run `./lfr models fetch` or check the path.");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"{path}: not valid JSON ({e.Message}).", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("modelTopology", out var topology))
                throw new ModelLoadException($"{path}: no 'modelTopology'; this is not a TF.js graph model (a face-api weights manifest is loaded by its own class).");
            if (!topology.TryGetProperty("node", out var nodeArray) || nodeArray.ValueKind != JsonValueKind.Array)
                throw new ModelLoadException($"{path}: 'modelTopology' has no 'node' array; only TF.js graph models are supported, not layers models.");
            if (!root.TryGetProperty("weightsManifest", out var manifest))
                throw new ModelLoadException($"{path}: no 'weightsManifest'.");

            var weights = WeightsManifestReader.Read(manifest, Path.GetDirectoryName(path)!, path);
            var nodes = new Dictionary<string, NodeDef>(StringComparer.Ordinal);
            foreach (var n in nodeArray.EnumerateArray())
            {
                var node = ParseNode(n, path);
                if (node.Op == "Const")
                {
                    if (!weights.TryGetValue(node.Name, out var w))
                        throw new ModelLoadException($"{path}: {node} has no entry in the weights manifest.");
                    node.Constant = Value.Constant(w.Data, w.Shape, w.Type);
                }
                nodes[node.Name] = node;
            }
            foreach (var node in nodes.Values)
                foreach (var input in node.Inputs)
                    if (!nodes.ContainsKey(input.Node))
                        throw new ModelLoadException($"{path}: {node} reads '{input.Node}', which is not in the graph.");

            var inputs = nodes.Values.Where(n => n.Op == "Placeholder").Select(n => n.Name).ToList();
            var outputs = DeclaredOutputs(root, nodes);
            return new GraphDef(path, nodes, inputs, outputs);
        }
    }

    private static NodeDef ParseNode(JsonElement n, string path)
    {
        if (!n.TryGetProperty("name", out var nameEl) || !n.TryGetProperty("op", out var opEl))
            throw new ModelLoadException($"{path}: a node lacks 'name' or 'op'.");
        var inputs = new List<NodeInput>();
        if (n.TryGetProperty("input", out var inputArray))
            foreach (var i in inputArray.EnumerateArray())
                if (NodeInput.Parse(i.GetString() ?? "") is { } parsed) inputs.Add(parsed);
        var attrs = new Dictionary<string, AttrValue>(StringComparer.Ordinal);
        if (n.TryGetProperty("attr", out var attrObject))
            foreach (var a in attrObject.EnumerateObject())
                attrs[a.Name] = AttrValue.Parse(a.Value);
        return new NodeDef(nameEl.GetString()!, opEl.GetString()!, inputs, attrs);
    }

    // The signature's outputs when present; otherwise every node nothing else reads.
    private static List<string> DeclaredOutputs(JsonElement root, Dictionary<string, NodeDef> nodes)
    {
        var result = new List<string>();
        if (root.TryGetProperty("signature", out var sig) && sig.TryGetProperty("outputs", out var outs))
            foreach (var o in outs.EnumerateObject())
            {
                var name = o.Value.TryGetProperty("name", out var n) ? n.GetString()! : o.Name;
                if (NodeInput.Parse(name) is { } parsed && nodes.ContainsKey(parsed.Node)) result.Add(name.EndsWith(":0") ? name[..^2] : name);
            }
        if (result.Count > 0) return result;
        var consumed = new HashSet<string>(nodes.Values.SelectMany(n => n.Inputs.Select(i => i.Node)));
        return nodes.Values.Where(n => n.Op is not ("Const" or "Placeholder" or "NoOp") && !consumed.Contains(n.Name)).Select(n => n.Name).ToList();
    }
}
