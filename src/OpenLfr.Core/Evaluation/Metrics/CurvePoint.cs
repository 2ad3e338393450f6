namespace OpenLfr.Core.Evaluation.Metrics;

/// <summary>One point of the DET curve: scores &gt;= <paramref name="Threshold"/> alert.</summary>
public sealed record CurvePoint(double Threshold, double Fpir, double Fnir);
