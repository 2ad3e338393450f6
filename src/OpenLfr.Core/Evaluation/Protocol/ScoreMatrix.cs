using OpenLfr.Core.Evaluation.Dataset;

namespace OpenLfr.Core.Evaluation.Protocol;

/// <summary>
/// Similarities of every probe of a <see cref="SearchPlan"/> (mated probes first, then extra non-mated probes)
/// against every gallery template, from one model or a fusion of several. Higher means more alike.
/// </summary>
public sealed class ScoreMatrix
{
    /// <param name="enrolled">Per gallery identity: false when its gallery image had no face (failed to enrol).</param>
    /// <param name="rows">Per probe, in <see cref="Probes"/> order: its score against each gallery template, or null
    /// when no face was found in the probe. Scores of identities that failed to enrol are ignored.</param>
    public ScoreMatrix(SearchPlan plan, bool[] enrolled, float[]?[] rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (enrolled.Length != plan.Gallery.Count)
            throw new ArgumentException($"Expected {plan.Gallery.Count} enrolment flags, got {enrolled.Length}.", nameof(enrolled));
        var probeCount = plan.MatedProbes.Count + plan.ExtraNonMatedProbes.Count;
        if (rows.Length != probeCount)
            throw new ArgumentException($"Expected {probeCount} probe rows, got {rows.Length}.", nameof(rows));
        foreach (var row in rows)
            if (row is not null && row.Length != enrolled.Length)
                throw new ArgumentException($"Every probe row must have {enrolled.Length} gallery scores.", nameof(rows));
        Plan = plan;
        Enrolled = enrolled;
        Rows = rows;
    }

    public SearchPlan Plan { get; }

    public bool[] Enrolled { get; }

    public float[]?[] Rows { get; }

    /// <summary>Probes in row order: the mated probes, then the extra non-mated probes.</summary>
    public IEnumerable<DatasetImage> Probes => Plan.MatedProbes.Concat(Plan.ExtraNonMatedProbes);
}
