using OpenLfr.Vision.Embedding;

namespace OpenLfr.Vision.Tests.Matching;

/// <summary>Seeded random unit vectors and templates for matcher tests.</summary>
internal static class GalleryTestData
{
    public static float[] UnitVector(Random random, int d)
    {
        // Gaussian components (Box-Muller) make uniformly distributed directions, like embeddings' spread.
        var v = new float[d];
        double norm = 0;
        for (var i = 0; i < d; i++)
        {
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            v[i] = (float)g;
            norm += g * g;
        }
        for (var i = 0; i < d; i++) v[i] = (float)(v[i] / Math.Sqrt(norm));
        return v;
    }

    public static FaceTemplate Template(Random random, int d) => new("e", "1", UnitVector(random, d));

    /// <summary>A unit vector whose cosine with unit <paramref name="probe"/> is <paramref name="cosine"/> (up to fp32 rounding).</summary>
    public static FaceTemplate AtCosine(Random random, float[] probe, double cosine)
    {
        var u = UnitVector(random, probe.Length);
        double dot = 0;
        for (var i = 0; i < u.Length; i++) dot += u[i] * probe[i];
        var orthogonal = new double[u.Length];
        double norm = 0;
        for (var i = 0; i < u.Length; i++)
        {
            orthogonal[i] = u[i] - dot * probe[i];
            norm += orthogonal[i] * orthogonal[i];
        }
        var sine = Math.Sqrt(1 - cosine * cosine);
        var v = new float[u.Length];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(cosine * probe[i] + sine * orthogonal[i] / Math.Sqrt(norm));
        return new FaceTemplate("e", "1", v);
    }

    /// <summary>The exact search by definition: every template's fp32 similarity, best first, ties by insertion order.</summary>
    public static (int Key, float Score)[] BruteForce(IReadOnlyList<(int Key, FaceTemplate Template)> gallery, FaceTemplate probe, int k, float threshold) =>
        gallery.Select(e => (e.Key, Score: e.Template.Similarity(probe)))
            .Where(e => e.Score >= threshold)
            .OrderByDescending(e => e.Score)
            .Take(k)
            .ToArray();
}
