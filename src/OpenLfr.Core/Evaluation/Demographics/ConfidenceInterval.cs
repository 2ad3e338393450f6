namespace OpenLfr.Core.Evaluation.Demographics;

/// <summary>A two-sided confidence interval (95% unless stated).</summary>
public sealed record ConfidenceInterval(double Low, double High);
