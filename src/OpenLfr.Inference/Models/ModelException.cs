namespace OpenLfr.Inference.Models;

/// <summary>A model file is missing, corrupt, malformed or cannot be fetched. The message names the file.</summary>
public class ModelException : Exception
{
    public ModelException(string message) : base(message) { }
    public ModelException(string message, Exception inner) : base(message, inner) { }
}
