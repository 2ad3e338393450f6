namespace OpenLfr.Core.Evaluation.Demographics;

/// <summary>FPIR and FNIR of one group at the operating threshold, with bootstrap confidence intervals.</summary>
/// <param name="Identities">Identities with at least one search in this group (the bootstrap's resampling unit).</param>
public sealed record GroupRates(
    string Group,
    double Fpir,
    ConfidenceInterval FpirCi,
    double Fnir,
    ConfidenceInterval FnirCi,
    int MatedCount,
    int NonMatedCount,
    int Identities);
