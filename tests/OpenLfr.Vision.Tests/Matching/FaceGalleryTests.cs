using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Matching;

namespace OpenLfr.Vision.Tests.Matching;

public sealed class FaceGalleryTests
{
    private static FaceTemplate Random(Random random, int d, string embedder = "e")
    {
        var v = new float[d];
        for (var i = 0; i < d; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        return new FaceTemplate(embedder, "1", v);
    }

    [Theory]
    [InlineData(192, 1)]
    [InlineData(192, 3)]
    [InlineData(192, 9)]
    [InlineData(130, 5)] // not a multiple of the SIMD width
    public void Search_returns_the_exact_top_k_best_first(int d, int probesCount)
    {
        var random = new Random(7);
        using var gallery = new FaceGallery<int>("e", "1", d, initialCapacity: 3);
        var stored = Enumerable.Range(0, 1500).Select(_ => Random(random, d)).ToArray();
        for (var i = 0; i < stored.Length; i++) gallery.Add(i, stored[i]);
        var probes = Enumerable.Range(0, probesCount).Select(_ => Random(random, d)).ToArray();
        var results = gallery.SearchMany(probes, k: 5);
        for (var p = 0; p < probes.Length; p++)
        {
            var expected = stored.Select((t, i) => (i, s: t.Similarity(probes[p]))).OrderByDescending(x => x.s).Take(5).ToArray();
            Assert.Equal(expected.Select(x => x.i), results[p].Select(m => m.Key));
            for (var j = 0; j < 5; j++) Assert.Equal(expected[j].s, results[p][j].Score); // the exact fp32 cosine, not an int8 estimate
        }
    }

    [Fact]
    public void Threshold_drops_weaker_matches()
    {
        using var gallery = new FaceGallery<string>("e", "1", 2);
        gallery.Add("same", new FaceTemplate("e", "1", [1, 0]));
        gallery.Add("near", new FaceTemplate("e", "1", [1, 1]));
        gallery.Add("far", new FaceTemplate("e", "1", [0, 1]));
        var hits = gallery.Search(new FaceTemplate("e", "1", [1, 0]), k: 3, threshold: 0.5f);
        Assert.Equal(["same", "near"], hits.Select(h => h.Key));
    }

    [Fact]
    public void Removed_entries_are_not_found_and_others_remain()
    {
        var random = new Random(3);
        using var gallery = new FaceGallery<int>("e", "1", 64);
        var stored = Enumerable.Range(0, 10).Select(_ => Random(random, 64)).ToArray();
        for (var i = 0; i < 10; i++) gallery.Add(i, stored[i]);
        Assert.True(gallery.Remove(2));
        Assert.False(gallery.Remove(2));
        Assert.Equal(9, gallery.Count);
        Assert.NotEqual(2, gallery.Search(stored[2]).Single().Key);
        foreach (var i in new[] { 0, 5, 9 })
            Assert.Equal(i, gallery.Search(stored[i]).Single().Key);
    }

    [Fact]
    public void Gallery_rejects_templates_and_probes_of_another_embedder()
    {
        using var gallery = new FaceGallery<int>("mobilefacenet", "1", 4);
        Assert.Throws<TemplateMismatchException>(() => gallery.Add(1, new FaceTemplate("faceres", "1", [1, 0, 0, 0])));
        Assert.Throws<TemplateMismatchException>(() => gallery.Search(new FaceTemplate("faceres", "1", [1, 0, 0, 0])));
        Assert.Throws<TemplateMismatchException>(() => gallery.Search(new FaceTemplate("mobilefacenet", "1", [1, 0, 0])));
    }

    [Fact]
    public async Task Adds_and_removes_while_searches_run_keep_results_consistent()
    {
        var random = new Random(11);
        using var gallery = new FaceGallery<int>("e", "1", 128);
        var fixedOnes = Enumerable.Range(0, 200).Select(_ => Random(random, 128)).ToArray();
        for (var i = 0; i < fixedOnes.Length; i++) gallery.Add(i, fixedOnes[i]);
        const int extra = 500;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            var round = 0;
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < extra; i++) gallery.Add(10_000 + i, Random(new Random(1_000_000 + round * 1000 + i), 128)); // seeds apart from the fixed ones (seed 11)
                for (var i = 0; i < extra; i++) gallery.Remove(10_000 + i);
                round++;
            }
        });
        var readers = Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            for (var s = 0; s < 200; s++)
            {
                var i = (s * 7 + t) % fixedOnes.Length;
                var hit = gallery.Search(fixedOnes[i]).Single();
                Assert.Equal(i, hit.Key);
                Assert.Equal(fixedOnes[i].Similarity(fixedOnes[i]), hit.Score);
            }
        })).ToArray();
        await Task.WhenAll(readers);
        stop.Cancel();
        await writer;
        Assert.Equal(200, gallery.Count);
    }
}
