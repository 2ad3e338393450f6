using System.Numerics;
using OpenLfr.Core.Evaluation.Dataset;

namespace OpenLfr.Core.Evaluation.Protocol;

/// <summary>Exact (brute-force) cosine search of every probe against every gallery template, on all cores.</summary>
public static class CosineScorer
{
    /// <param name="embeddings">The embedding of each image, or null where the pipeline found no face.</param>
    public static ScoreMatrix Score(SearchPlan plan, IReadOnlyDictionary<DatasetImage, float[]?> embeddings)
    {
        var gallery = plan.Gallery.Select(g => Normalised(Lookup(embeddings, g))).ToArray();
        var enrolled = gallery.Select(g => g is not null).ToArray();
        var probes = plan.MatedProbes.Concat(plan.ExtraNonMatedProbes).Select(p => Normalised(Lookup(embeddings, p))).ToArray();
        var dimension = gallery.Concat(probes).FirstOrDefault(e => e is not null)?.Length ?? 0;
        foreach (var e in gallery.Concat(probes))
            if (e is not null && e.Length != dimension)
                throw new EvaluationException($"Embeddings have mixed lengths ({dimension} and {e.Length}); one model's embeddings are expected.");

        var rows = new float[]?[probes.Length];
        Parallel.For(0, probes.Length, i =>
        {
            var probe = probes[i];
            if (probe is null) return;
            var row = new float[gallery.Length];
            for (var g = 0; g < gallery.Length; g++)
                row[g] = gallery[g] is { } template ? Dot(probe, template) : float.NaN;
            rows[i] = row;
        });
        return new ScoreMatrix(plan, enrolled, rows);
    }

    /// <summary>Dot product of two equal-length vectors (cosine when both are unit length).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    private static float[]? Lookup(IReadOnlyDictionary<DatasetImage, float[]?> embeddings, DatasetImage image) =>
        embeddings.TryGetValue(image, out var e)
            ? e
            : throw new ArgumentException($"No embedding result for {image.Path}.", nameof(embeddings));

    /// <summary>A unit-length copy, so that scores are cosines whatever the model's output scale.</summary>
    private static float[]? Normalised(float[]? v)
    {
        if (v is null) return null;
        var norm = MathF.Sqrt(Dot(v, v));
        if (!(norm > 0) || !float.IsFinite(norm)) return null;
        var copy = new float[v.Length];
        for (var i = 0; i < v.Length; i++) copy[i] = v[i] / norm;
        return copy;
    }
}
