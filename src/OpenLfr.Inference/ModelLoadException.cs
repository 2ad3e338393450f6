namespace OpenLfr.Inference;

/// <summary>A model file cannot be loaded or compiled: malformed JSON, missing or short weights, an op the engine lacks.
/// The message names the file, and where it applies the node and op.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message, Exception? inner = null) : base(message, inner) { }
}
