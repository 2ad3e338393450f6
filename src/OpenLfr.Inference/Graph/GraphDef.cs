namespace OpenLfr.Inference.Graph;

/// <summary>A loaded TF.js graph: nodes by name, with constants decoded and declared inputs/outputs.</summary>
internal sealed class GraphDef
{
    public GraphDef(string sourcePath, IReadOnlyDictionary<string, NodeDef> nodes, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        SourcePath = sourcePath;
        Nodes = nodes;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The model.json the graph came from, for error messages.</summary>
    public string SourcePath { get; }
    public IReadOnlyDictionary<string, NodeDef> Nodes { get; }
    public IReadOnlyList<string> Inputs { get; }
    public IReadOnlyList<string> Outputs { get; }
}
