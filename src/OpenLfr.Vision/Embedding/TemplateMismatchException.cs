namespace OpenLfr.Vision.Embedding;

/// <summary>Two templates (or a template and a gallery) come from different embedders and cannot be compared.</summary>
public sealed class TemplateMismatchException(string message) : InvalidOperationException(message);
