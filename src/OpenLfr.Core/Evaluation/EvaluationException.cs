namespace OpenLfr.Core.Evaluation;

/// <summary>An evaluation input problem; the message names the file or option and what to do.</summary>
public sealed class EvaluationException(string message, Exception? inner = null) : Exception(message, inner);
