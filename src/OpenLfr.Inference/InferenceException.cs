namespace OpenLfr.Inference;

/// <summary>A run failed: wrong input name, dtype or shape, or an op met values it cannot handle.
/// The message names the model file, node and op. The model stays usable for later runs.</summary>
public sealed class InferenceException : Exception
{
    public InferenceException(string message, Exception? inner = null) : base(message, inner) { }
}
