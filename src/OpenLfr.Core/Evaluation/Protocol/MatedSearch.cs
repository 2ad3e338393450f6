namespace OpenLfr.Core.Evaluation.Protocol;

/// <summary>The outcome of one mated search (a probe of a person who is on the list).</summary>
/// <param name="MatedScore">Similarity to its own identity's template; null unless <see cref="Status"/> is Searched.</param>
/// <param name="ImpostorTop">Highest similarity to any other identity's template; null when there is none or no face.</param>
public sealed record MatedSearch(string Identity, string FileName, MatedSearchStatus Status, double? MatedScore, double? ImpostorTop)
{
    /// <summary>
    /// The threshold-free part of a hit: searched, and the own identity ranks first (strictly above every impostor;
    /// a tie is not a hit). A hit at T additionally needs <see cref="MatedScore"/> &gt;= T.
    /// </summary>
    public bool IsRankOne => Status == MatedSearchStatus.Searched && MatedScore is { } m && (ImpostorTop is not { } top || m > top);

    /// <summary>The highest threshold at which this search is a hit, or -infinity if it is a miss at every threshold.</summary>
    public double HitScore => IsRankOne ? MatedScore!.Value : double.NegativeInfinity;

    public bool IsHitAt(double threshold) => IsRankOne && MatedScore!.Value >= threshold;
}
