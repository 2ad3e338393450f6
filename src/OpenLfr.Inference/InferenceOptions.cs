namespace OpenLfr.Inference;

/// <summary>How a model runs. Immutable once passed to a model.</summary>
public sealed class InferenceOptions
{
    /// <summary>Worker threads used inside one Run (the calling thread counts as one). At least 1.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
