using OpenLfr.Core.Evaluation.Labels;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Evaluation.Demographics;

/// <summary>
/// Per-group FPIR and FNIR at one threshold, with 95% percentile-bootstrap intervals over identities: a search's
/// group is its own probe's; the identities of a group are resampled with replacement, all their searches kept
/// together, since one person's searches are not independent. Seeded, so a rerun gives the same intervals.
/// </summary>
public sealed class GroupDifferentials
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20200811; // the date of the Bridges judgment; any fixed number would do

    private GroupDifferentials(double threshold, IReadOnlyList<GroupRates> groups, GroupRatio? ratio, int unlabelled)
    {
        Threshold = threshold;
        Groups = groups;
        Ratio = ratio;
        UnlabelledSearches = unlabelled;
    }

    public double Threshold { get; }

    public IReadOnlyList<GroupRates> Groups { get; }

    /// <summary>Worst/best ratios; null with fewer than two groups.</summary>
    public GroupRatio? Ratio { get; }

    /// <summary>Searches (mated and non-mated) whose probe has no label, left out of every group.</summary>
    public int UnlabelledSearches { get; }

    public static GroupDifferentials Compute(SearchOutcomes outcomes, GroupLabels labels, double threshold, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        // Per group, per identity: [non-mated alerts, non-mated searches, mated misses, mated searches].
        var tallies = new SortedDictionary<string, Dictionary<string, long[]>>(StringComparer.Ordinal);
        var unlabelled = 0;
        long[] Tally(string group, string identity)
        {
            if (!tallies.TryGetValue(group, out var byIdentity)) tallies[group] = byIdentity = new Dictionary<string, long[]>(StringComparer.Ordinal);
            if (!byIdentity.TryGetValue(identity, out var t)) byIdentity[identity] = t = new long[4];
            return t;
        }
        foreach (var n in outcomes.NonMated)
        {
            if (labels.GroupOf(n.FileName) is not { } group) { unlabelled++; continue; }
            var t = Tally(group, n.Identity);
            if (n.Score >= threshold) t[0]++;
            t[1]++;
        }
        foreach (var m in outcomes.Mated)
        {
            if (labels.GroupOf(m.FileName) is not { } group) { unlabelled++; continue; }
            var t = Tally(group, m.Identity);
            if (!m.IsHitAt(threshold)) t[2]++;
            t[3]++;
        }

        var groups = new List<GroupRates>();
        var fpirSamples = new List<double[]>();
        var fnirSamples = new List<double[]>();
        var groupIndex = 0;
        foreach (var (group, byIdentity) in tallies)
        {
            var clusters = byIdentity.Values.ToArray();
            var total = Sum(clusters);
            var random = new Random(unchecked(seed + 7919 * groupIndex++));
            var fpirs = new double[resamples];
            var fnirs = new double[resamples];
            var picked = new long[4];
            for (var b = 0; b < resamples; b++)
            {
                Array.Clear(picked);
                for (var k = 0; k < clusters.Length; k++)
                {
                    var c = clusters[random.Next(clusters.Length)];
                    for (var q = 0; q < 4; q++) picked[q] += c[q];
                }
                fpirs[b] = Rate(picked[0], picked[1]);
                fnirs[b] = Rate(picked[2], picked[3]);
            }
            fpirSamples.Add(fpirs);
            fnirSamples.Add(fnirs);
            groups.Add(new GroupRates(group, Rate(total[0], total[1]), Interval(fpirs), Rate(total[2], total[3]), Interval(fnirs),
                MatedCount: (int)total[3], NonMatedCount: (int)total[1], Identities: clusters.Length));
        }

        GroupRatio? ratio = null;
        if (groups.Count >= 2)
        {
            var fpirRatios = new double[resamples];
            var fnirRatios = new double[resamples];
            for (var b = 0; b < resamples; b++)
            {
                fpirRatios[b] = WorstOverBest(fpirSamples.Select(s => s[b]));
                fnirRatios[b] = WorstOverBest(fnirSamples.Select(s => s[b]));
            }
            ratio = new GroupRatio(WorstOverBest(groups.Select(g => g.Fpir)), Interval(fpirRatios),
                WorstOverBest(groups.Select(g => g.Fnir)), Interval(fnirRatios));
        }
        return new GroupDifferentials(threshold, groups, ratio, unlabelled);
    }

    /// <summary>max/min over the defined rates; 1 when all are 0, infinity when only the best is 0.</summary>
    public static double WorstOverBest(IEnumerable<double> rates)
    {
        var defined = rates.Where(r => !double.IsNaN(r)).ToList();
        if (defined.Count < 2) return double.NaN;
        var worst = defined.Max();
        var best = defined.Min();
        if (worst == 0) return 1;
        return best == 0 ? double.PositiveInfinity : worst / best;
    }

    /// <summary>The 2.5th and 97.5th percentiles (linear interpolation) of the defined samples.</summary>
    public static ConfidenceInterval Interval(double[] samples)
    {
        var sorted = samples.Where(s => !double.IsNaN(s)).Order().ToArray();
        if (sorted.Length == 0) return new ConfidenceInterval(double.NaN, double.NaN);
        return new ConfidenceInterval(Percentile(sorted, 0.025), Percentile(sorted, 0.975));
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var fraction = position - below;
        if (double.IsInfinity(sorted[below]) || double.IsInfinity(sorted[above]) || fraction == 0) return fraction < 0.5 ? sorted[below] : sorted[above];
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    private static double Rate(long count, long of) => of == 0 ? double.NaN : (double)count / of;

    private static long[] Sum(long[][] clusters)
    {
        var total = new long[4];
        foreach (var c in clusters)
            for (var q = 0; q < 4; q++) total[q] += c[q];
        return total;
    }
}
