using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Evaluation.GallerySize;

/// <summary>
/// The score rows the gallery-size figures need, taken from a <see cref="ScoreMatrix"/> the way
/// <see cref="SearchOutcomes"/> takes its searches: per non-mated search, its scores against every enrolled gallery
/// template it is not mated with (its own identity left out for a mated probe), highest first; per mated search that
/// could be searched, its own score and its impostor scores, highest first. Mated searches that could not be searched
/// (no face, not enrolled) are misses at every size and only counted.
/// </summary>
public sealed class GallerySizeRows
{
    public GallerySizeRows(IReadOnlyList<float[]> nonMated, IReadOnlyList<(float Mated, float[] Impostors)> mated, int matedCount)
    {
        if (mated.Count > matedCount)
            throw new ArgumentException("More searched mated rows than mated searches.", nameof(matedCount));
        NonMated = nonMated.Select(Descending).ToArray();
        Mated = mated.Select(m => (m.Mated, Descending(m.Impostors))).ToArray();
        MatedCount = matedCount;
        if (NonMated.Any(r => r.Any(float.IsNaN)) || Mated.Any(m => float.IsNaN(m.Mated) || m.Impostors.Any(float.IsNaN)))
            throw new EvaluationException("A similarity score is NaN; the embeddings are broken.");
    }

    /// <summary>Per non-mated search: its scores against the gallery entries it could be confused with, highest first.</summary>
    public float[][] NonMated { get; }

    /// <summary>Per searched mated probe: the score of its own entry and its impostor scores, highest first.</summary>
    public (float Mated, float[] Impostors)[] Mated { get; }

    /// <summary>All mated searches, including those that are misses at every threshold (no face, not enrolled).</summary>
    public int MatedCount { get; }

    /// <summary>The rows of an evaluation's score matrix; the non-mated rows match <see cref="SearchOutcomes.NonMated"/> one to one.</summary>
    public static GallerySizeRows From(ScoreMatrix scores)
    {
        var plan = scores.Plan;
        var galleryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < plan.Gallery.Count; g++) galleryIndex.Add(plan.Gallery[g].Identity, g);
        var nonMated = new List<float[]>();
        var mated = new List<(float, float[])>();
        for (var i = 0; i < plan.MatedProbes.Count; i++)
        {
            if (scores.Rows[i] is not { } row) continue;
            var own = galleryIndex[plan.MatedProbes[i].Identity];
            var impostors = Enrolled(row, scores.Enrolled, exclude: own);
            if (impostors.Length > 0) nonMated.Add(impostors);
            if (scores.Enrolled[own]) mated.Add((row[own], impostors));
        }
        for (var j = 0; j < plan.ExtraNonMatedProbes.Count; j++)
            if (scores.Rows[plan.MatedProbes.Count + j] is { } row)
                nonMated.Add(Enrolled(row, scores.Enrolled, exclude: -1));
        return new GallerySizeRows(nonMated, mated, plan.MatedProbes.Count);
    }

    private static float[] Enrolled(float[] row, bool[] enrolled, int exclude)
    {
        var list = new List<float>(row.Length);
        for (var g = 0; g < row.Length; g++)
            if (g != exclude && enrolled[g]) list.Add(row[g]);
        return list.ToArray();
    }

    private static float[] Descending(float[] scores)
    {
        var copy = (float[])scores.Clone();
        Array.Sort(copy);
        Array.Reverse(copy);
        return copy;
    }
}
