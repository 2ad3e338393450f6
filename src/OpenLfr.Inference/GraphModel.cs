using OpenLfr.Inference.Graph;
using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference;

/// <summary>
/// A TensorFlow.js graph model (model.json + weight shards) compiled for the managed engine.
/// Any node can be requested by name; a plan is compiled (and cached) per set of requested outputs.
/// Not thread-safe: use one instance per worker thread, or lock around Run.
/// </summary>
public sealed class GraphModel : IDisposable
{
    private readonly GraphDef _graph;
    private readonly Parallelism _parallelism;
    private readonly Dictionary<string, ExecutionPlan> _plans = new(StringComparer.Ordinal);
    private bool _disposed;

    private GraphModel(GraphDef graph, InferenceOptions options)
    {
        _graph = graph;
        _parallelism = new Parallelism(Math.Max(1, options.Threads));
    }

    /// <exception cref="ModelLoadException">The file is missing, malformed, or its weights are missing or short.</exception>
    public static GraphModel Load(string modelJsonPath, InferenceOptions? options = null) =>
        new(TfjsGraphLoader.Load(modelJsonPath), options ?? new InferenceOptions());

    /// <summary>A graph built in code (face-api networks) rather than read from model.json.</summary>
    internal static GraphModel FromGraph(GraphDef graph, InferenceOptions? options) => new(graph, options ?? new InferenceOptions());

    /// <summary>The model.json this model was loaded from.</summary>
    public string SourcePath => _graph.SourcePath;
    public IReadOnlyList<string> InputNames => _graph.Inputs;
    /// <summary>The outputs declared by the model's signature (or its sink nodes); any other node can be requested too.</summary>
    public IReadOnlyList<string> OutputNames => _graph.Outputs;
    public int Threads => _parallelism.Threads;

    /// <summary>Multiply-accumulates done by conv/depthwise/matmul layers in the last run (for GMAC/s figures).</summary>
    public long LastRunMacs { get; private set; }

    /// <summary>
    /// Runs the graph. <paramref name="inputs"/> by input name (float32 NHWC; uint8 images as 0..255 floats);
    /// <paramref name="outputs"/> are node names ("name" or "name:1"), default <see cref="OutputNames"/>.
    /// Returned tensors are new and owned by the caller; inputs are only read.
    /// </summary>
    /// <exception cref="InferenceException">A missing input, a wrong shape, or an op failing on these values.</exception>
    /// <exception cref="ModelLoadException">A requested output depends on an op the engine does not implement.</exception>
    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs, IReadOnlyList<string>? outputs = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(inputs);
        var plan = Plan(outputs ?? _graph.Outputs);
        var result = plan.Run(inputs);
        LastRunMacs = plan.LastRunMacs;
        return result;
    }

    /// <summary>Runs a model with one input and returns one output (the first declared one unless named).</summary>
    public Tensor Run(Tensor input, string? output = null)
    {
        if (_graph.Inputs.Count != 1) throw new InferenceException($"{SourcePath}: the model has {_graph.Inputs.Count} inputs; name them.");
        var name = output ?? _graph.Outputs[0];
        return Run(new Dictionary<string, Tensor> { [_graph.Inputs[0]] = input }, [name])[name];
    }

    /// <summary>
    /// Per-step wall time summed over runs since profiling was switched on for these outputs, slowest first
    /// (a diagnostic for benchmarks; costs a timestamp per step).
    /// </summary>
    public IReadOnlyList<(string Step, double Milliseconds)> ProfileSteps(IReadOnlyList<string>? outputs = null, bool enable = true)
    {
        var plan = Plan(outputs ?? _graph.Outputs);
        plan.Profile = enable;
        return plan.StepDescriptions.Zip(plan.StepMilliseconds.Length > 0 ? plan.StepMilliseconds : new double[plan.StepCount])
            .OrderByDescending(p => p.Second).ToList();
    }

    internal ExecutionPlan Plan(IReadOnlyList<string> outputs)
    {
        var key = string.Join("\n", outputs);
        if (!_plans.TryGetValue(key, out var plan))
        {
            plan = PlanBuilder.Build(_graph, outputs, _parallelism);
            _plans[key] = plan;
        }
        return plan;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _parallelism.Dispose();
    }
}
