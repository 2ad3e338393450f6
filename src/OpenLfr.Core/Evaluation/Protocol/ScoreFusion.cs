using OpenLfr.Core.Evaluation.Dataset;

namespace OpenLfr.Core.Evaluation.Protocol;

/// <summary>
/// Score-level fusion of several models: each model's cosine is z-normalised with the mean and standard deviation
/// of its gallery-versus-gallery scores (every pair is two different people, so these are impostor statistics
/// that use no probe and no label), then the normalised scores are averaged. A probe or gallery image counts as
/// detected only when every model's pipeline found a face.
/// </summary>
public static class ScoreFusion
{
    /// <summary>Impostor statistics of one model: mean and standard deviation over all enrolled gallery pairs.</summary>
    public static (double Mean, double StdDev) GalleryImpostorStats(SearchPlan plan, IReadOnlyDictionary<DatasetImage, float[]?> embeddings)
    {
        var gallery = plan.Gallery.Select(g => embeddings[g]).Where(e => e is not null && e.Any(x => x != 0)).Select(e => Unit(e!)).ToArray();
        if (gallery.Length < 2)
            throw new EvaluationException("Score fusion needs at least two enrolled gallery identities to normalise scores.");
        var sums = new (double Sum, double SumSq, long N)[gallery.Length];
        Parallel.For(0, gallery.Length, i =>
        {
            double s = 0, sq = 0;
            for (var j = i + 1; j < gallery.Length; j++)
            {
                double v = CosineScorer.Dot(gallery[i], gallery[j]);
                s += v;
                sq += v * v;
            }
            sums[i] = (s, sq, gallery.Length - 1 - i);
        });
        var n = sums.Sum(x => x.N);
        var mean = sums.Sum(x => x.Sum) / n;
        var variance = Math.Max(sums.Sum(x => x.SumSq) / n - mean * mean, 0);
        var std = Math.Sqrt(variance);
        if (!(std > 1e-9)) throw new EvaluationException("Gallery scores do not vary, so they cannot be normalised for fusion.");
        return (mean, std);
    }

    /// <summary>Averages z-normalised scores of matrices over the same plan.</summary>
    public static ScoreMatrix Fuse(IReadOnlyList<ScoreMatrix> matrices, IReadOnlyList<(double Mean, double StdDev)> stats)
    {
        if (matrices.Count == 0 || matrices.Count != stats.Count)
            throw new ArgumentException("One set of statistics per matrix is needed.", nameof(stats));
        var plan = matrices[0].Plan;
        if (matrices.Any(m => !ReferenceEquals(m.Plan, plan)))
            throw new ArgumentException("Fused matrices must come from the same search plan.", nameof(matrices));
        var enrolled = new bool[plan.Gallery.Count];
        for (var g = 0; g < enrolled.Length; g++) enrolled[g] = matrices.All(m => m.Enrolled[g]);
        var rows = new float[]?[matrices[0].Rows.Length];
        Parallel.For(0, rows.Length, i =>
        {
            if (matrices.Any(m => m.Rows[i] is null)) return;
            var row = new float[enrolled.Length];
            for (var g = 0; g < row.Length; g++)
            {
                double sum = 0;
                for (var k = 0; k < matrices.Count; k++)
                    sum += (matrices[k].Rows[i]![g] - stats[k].Mean) / stats[k].StdDev;
                row[g] = (float)(sum / matrices.Count);
            }
            rows[i] = row;
        });
        return new ScoreMatrix(plan, enrolled, rows);
    }

    private static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(CosineScorer.Dot(v, v));
        return v.Select(x => x / norm).ToArray();
    }
}
