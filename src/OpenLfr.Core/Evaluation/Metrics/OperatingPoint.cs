namespace OpenLfr.Core.Evaluation.Metrics;

/// <summary>FNIR at the threshold chosen for a target FPIR.</summary>
/// <param name="TargetFpir">The FPIR asked for, e.g. 0.001.</param>
/// <param name="Threshold">The smallest threshold whose FPIR is at most the target (scores &gt;= it alert).</param>
/// <param name="Fpir">The FPIR actually reached at <paramref name="Threshold"/> (ties can keep it below the target).</param>
/// <param name="Resolved">False when there are too few non-mated searches to measure the target (fewer than 1/target).</param>
public sealed record OperatingPoint(double TargetFpir, double Threshold, double Fpir, double Fnir, bool Resolved);
