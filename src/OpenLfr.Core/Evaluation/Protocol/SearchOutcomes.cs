namespace OpenLfr.Core.Evaluation.Protocol;

/// <summary>
/// Every mated and non-mated search of one evaluation, per eval-protocol.md: a probe without a face is a miss and
/// is left out of the non-mated searches; probes of an identity that failed to enrol are misses, and their top score
/// over the (enrolled) gallery is a non-mated search, since that person is not on the list.
/// </summary>
public sealed class SearchOutcomes
{
    public SearchOutcomes(IReadOnlyList<MatedSearch> mated, IReadOnlyList<NonMatedSearch> nonMated, int galleryCount, int failedToEnrol, int probesNotDetected)
    {
        Mated = mated;
        NonMated = nonMated;
        GalleryCount = galleryCount;
        FailedToEnrol = failedToEnrol;
        ProbesNotDetected = probesNotDetected;
    }

    public IReadOnlyList<MatedSearch> Mated { get; }

    public IReadOnlyList<NonMatedSearch> NonMated { get; }

    /// <summary>Gallery images (identities with at least two images), enrolled or not.</summary>
    public int GalleryCount { get; }

    /// <summary>Gallery images in which no face was found (failure to enrol / gallery FTD).</summary>
    public int FailedToEnrol { get; }

    /// <summary>Probes (mated and extra non-mated) in which no face was found.</summary>
    public int ProbesNotDetected { get; }

    public static SearchOutcomes From(ScoreMatrix scores)
    {
        var plan = scores.Plan;
        var galleryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < plan.Gallery.Count; g++) galleryIndex.Add(plan.Gallery[g].Identity, g);
        if (!scores.Enrolled.Any(e => e))
            throw new EvaluationException("No gallery image had a detectable face, so nothing was enrolled and there is nothing to search.");

        var mated = new List<MatedSearch>(plan.MatedProbes.Count);
        var nonMated = new List<NonMatedSearch>(plan.NonMatedSearchesPlanned);
        var notDetected = 0;
        for (var i = 0; i < plan.MatedProbes.Count; i++)
        {
            var probe = plan.MatedProbes[i];
            var row = scores.Rows[i];
            if (row is null)
            {
                notDetected++;
                mated.Add(new MatedSearch(probe.Identity, probe.FileName, MatedSearchStatus.ProbeNotDetected, null, null));
                continue;
            }
            var own = galleryIndex[probe.Identity];
            var impostorTop = TopScore(row, scores.Enrolled, exclude: own);
            var enrolled = scores.Enrolled[own];
            mated.Add(enrolled
                ? new MatedSearch(probe.Identity, probe.FileName, MatedSearchStatus.Searched, row[own], impostorTop)
                : new MatedSearch(probe.Identity, probe.FileName, MatedSearchStatus.NotEnrolled, null, impostorTop));
            if (impostorTop is { } top)
                nonMated.Add(new NonMatedSearch(probe.Identity, probe.FileName, top, FromMatedProbe: true));
        }
        for (var j = 0; j < plan.ExtraNonMatedProbes.Count; j++)
        {
            var probe = plan.ExtraNonMatedProbes[j];
            var row = scores.Rows[plan.MatedProbes.Count + j];
            if (row is null)
            {
                notDetected++;
                continue;
            }
            nonMated.Add(new NonMatedSearch(probe.Identity, probe.FileName, TopScore(row, scores.Enrolled, exclude: -1)!.Value, FromMatedProbe: false));
        }
        return new SearchOutcomes(mated, nonMated, plan.Gallery.Count, scores.Enrolled.Count(e => !e), notDetected);
    }

    /// <summary>Highest score over enrolled templates other than <paramref name="exclude"/>; null when there are none.</summary>
    private static double? TopScore(float[] row, bool[] enrolled, int exclude)
    {
        double? top = null;
        for (var g = 0; g < row.Length; g++)
        {
            if (g == exclude || !enrolled[g]) continue;
            if (top is null || row[g] > top) top = row[g];
        }
        return top;
    }
}
