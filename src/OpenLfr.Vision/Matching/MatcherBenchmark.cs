using System.Diagnostics;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Vision.Matching;

/// <summary>
/// Times exact 1:N search on a synthetic gallery of random unit vectors (search cost does not depend on
/// the values). Single-threaded, as the requirement is stated per core.
/// </summary>
public static class MatcherBenchmark
{
    public sealed record Result(int GallerySize, int Dimension, int Batch, double MillisecondsPerProbe, double GigabytesPerSecond);

    public static Result Run(int gallerySize, int dimension, int batch = 1, int searches = 30)
    {
        var random = new Random(42);
        using var gallery = new FaceGallery<int>("bench", "1", dimension, gallerySize);
        var v = new float[dimension];
        FaceTemplate RandomTemplate()
        {
            for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
            return new FaceTemplate("bench", "1", v);
        }
        for (var i = 0; i < gallerySize; i++) gallery.Add(i, RandomTemplate());
        var probes = Enumerable.Range(0, batch).Select(_ => RandomTemplate()).ToArray();
        gallery.SearchMany(probes, 5); // warm up (JIT, caches)
        var times = new List<double>();
        for (var s = 0; s < searches; s++)
        {
            var sw = Stopwatch.StartNew();
            gallery.SearchMany(probes, 5);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var bytes = (double)gallerySize * dimension * sizeof(float);
        return new Result(gallerySize, dimension, batch, median / batch, bytes / (median / 1000) / 1e9);
    }
}
