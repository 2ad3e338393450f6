namespace OpenLfr.Core.Evaluation.Demographics;

/// <summary>
/// Worst group's rate over the best group's (1 = equal). Infinity when the best group's rate is 0 and the worst's
/// is not; NaN when no group has both searches of that kind.
/// </summary>
public sealed record GroupRatio(double Fpir, ConfidenceInterval FpirCi, double Fnir, ConfidenceInterval FnirCi);
