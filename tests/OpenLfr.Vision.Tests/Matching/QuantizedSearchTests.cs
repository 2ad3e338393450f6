using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Matching;

namespace OpenLfr.Vision.Tests.Matching;

/// <summary>The int8 filter + fp32 re-score search returns exactly what scoring every row in fp32 returns.</summary>
public sealed class QuantizedSearchTests
{
    /// <summary>Every kernel this CPU can run (by name: the enum is internal).</summary>
    public static TheoryData<string> Kernels()
    {
        var data = new TheoryData<string>();
        foreach (var kernel in Enum.GetValues<Int8Kernel>())
            if (Int8KernelSupport.IsSupported(kernel)) data.Add(kernel.ToString());
        return data;
    }

    private static (FaceGallery<int> Gallery, List<(int, FaceTemplate)> Entries) RandomGallery(Random random, int d, int n, Int8Kernel kernel)
    {
        var gallery = new FaceGallery<int>("e", "1", d, initialCapacity: 7) { Kernel = kernel };
        var entries = new List<(int, FaceTemplate)>();
        for (var i = 0; i < n; i++)
        {
            var t = GalleryTestData.Template(random, d);
            gallery.Add(i, t);
            entries.Add((i, t));
        }
        return (gallery, entries);
    }

    private static void AssertExact((int Key, float Score)[] expected, IReadOnlyList<GalleryMatch<int>> actual)
    {
        Assert.Equal(expected.Select(e => e.Key), actual.Select(m => m.Key));
        Assert.Equal(expected.Select(e => e.Score), actual.Select(m => m.Score)); // bit-equal fp32 cosines
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernels_compute_the_exact_integer_dot_products(string kernelName)
    {
        var kernel = Enum.Parse<Int8Kernel>(kernelName);
        var random = new Random(17);
        foreach (var d in new[] { 1, 3, 4, 5, 63, 64, 130, 192, 1024 })
        foreach (var rows in new[] { 1, 16, 37 })
        {
            var stored = new QuantizedRows(d, rows);
            var vectors = Enumerable.Range(0, rows).Select(_ => GalleryTestData.UnitVector(random, d)).ToArray();
            for (var r = 0; r < rows; r++) stored.Set(r, vectors[r]);
            var probe = new QuantizedProbe(GalleryTestData.UnitVector(random, d), stored.Groups);
            var panels = QuantizedRows.PanelsFor(rows);
            var dots = new int[panels * QuantizedRows.PanelRows];
            Int8PanelKernels.Score(kernel, stored.Panels, stored.Bias, panels, stored.Groups, probe, dots);
            for (var r = 0; r < rows; r++)
            {
                var values = stored.Row(r);
                var expected = 0;
                for (var i = 0; i < d; i++) expected += values[i] * probe.Values[i];
                Assert.Equal(expected, dots[r]);
            }
        }
    }

    [Theory]
    [InlineData(128)]
    [InlineData(192)]
    [InlineData(256)]
    [InlineData(1024)]
    public void Quantised_scores_are_within_0_005_of_exact_and_within_the_proven_bound(int d)
    {
        var random = new Random(d + 1);
        var (gallery, entries) = RandomGallery(random, d, 1000, Int8KernelSupport.Best);
        using var _ = gallery;
        var worst = 0f;
        for (var p = 0; p < 10; p++)
        {
            // Probes near some entries as well as random ones: errors matter most for high scores.
            var probe = p % 2 == 0 ? GalleryTestData.Template(random, d) : GalleryTestData.AtCosine(random, entries[p].Item2.Vector, 0.7);
            var (scores, epsilon) = gallery.ApproximateScores(probe);
            for (var r = 0; r < entries.Count; r++)
            {
                var error = Math.Abs(scores[r] - entries[r].Item2.Similarity(probe));
                Assert.True(error <= epsilon, $"error {error} above the bound {epsilon}");
                worst = Math.Max(worst, error);
            }
            Assert.True(epsilon < 0.03f, $"bound {epsilon} too loose to filter well");
        }
        Assert.True(worst <= 0.005f, $"max abs error {worst}");
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Top_k_and_scores_equal_the_exact_fp32_search(string kernelName)
    {
        var kernel = Enum.Parse<Int8Kernel>(kernelName);
        var random = new Random(2024);
        foreach (var d in new[] { 1, 3, 5, 128, 130, 192, 256 })
        {
            var (gallery, entries) = RandomGallery(random, d, 700, kernel);
            using var _ = gallery;
            var probes = Enumerable.Range(0, 6).Select(i => i < 3 ? GalleryTestData.Template(random, d) : entries[i * 50].Item2).ToArray();
            foreach (var k in new[] { 1, 5, 40 })
            {
                var results = gallery.SearchMany(probes, k);
                for (var p = 0; p < probes.Length; p++)
                    AssertExact(GalleryTestData.BruteForce(entries, probes[p], k, float.NegativeInfinity), results[p]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Entries_within_a_hair_of_the_threshold_are_decided_by_the_exact_score(string kernelName)
    {
        var kernel = Enum.Parse<Int8Kernel>(kernelName);
        var random = new Random(99);
        const int d = 192;
        const float threshold = 0.42f;
        var probe = GalleryTestData.Template(random, d);
        using var gallery = new FaceGallery<int>("e", "1", d) { Kernel = kernel };
        var entries = new List<(int, FaceTemplate)>();
        for (var i = 0; i < 600; i++)
        {
            // 200 entries within +-0.004 of the threshold (inside the int8 error), the rest random.
            var t = i % 3 == 0 ? GalleryTestData.AtCosine(random, probe.Vector, threshold + (random.NextDouble() - 0.5) * 0.008) : GalleryTestData.Template(random, d);
            gallery.Add(i, t);
            entries.Add((i, t));
        }
        var expected = GalleryTestData.BruteForce(entries, probe, 1000, threshold);
        Assert.InRange(expected.Length, 60, 140); // the case really straddles the threshold
        AssertExact(expected, gallery.Search(probe, k: 1000, threshold: threshold));
        foreach (var k in new[] { 1, 7 })
            AssertExact(GalleryTestData.BruteForce(entries, probe, k, threshold), gallery.Search(probe, k, threshold));
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Near_ties_at_the_top_are_ordered_by_exact_score(string kernelName)
    {
        var kernel = Enum.Parse<Int8Kernel>(kernelName);
        var random = new Random(5);
        const int d = 256;
        var probe = GalleryTestData.Template(random, d);
        using var gallery = new FaceGallery<int>("e", "1", d) { Kernel = kernel };
        var entries = new List<(int, FaceTemplate)>();
        for (var i = 0; i < 300; i++)
        {
            // Scores 0.8 +- 0.001: far closer together than the int8 error, so only re-scoring can order them.
            var t = GalleryTestData.AtCosine(random, probe.Vector, 0.8 + (random.NextDouble() - 0.5) * 0.002);
            gallery.Add(i, t);
            entries.Add((i, t));
        }
        foreach (var k in new[] { 1, 10, 100 })
            AssertExact(GalleryTestData.BruteForce(entries, probe, k, float.NegativeInfinity), gallery.Search(probe, k));
    }

    [Fact]
    public void Results_stay_exact_after_removals_and_replacements()
    {
        var random = new Random(31);
        const int d = 130;
        var (gallery, entries) = RandomGallery(random, d, 500, Int8KernelSupport.Best);
        using var _ = gallery;
        var live = entries.ToDictionary(e => e.Item1, e => e.Item2);
        for (var i = 0; i < 200; i++)
        {
            var key = random.Next(600);
            if (random.Next(3) == 0) Assert.Equal(live.Remove(key), gallery.Remove(key));
            else
            {
                var t = GalleryTestData.Template(random, d);
                gallery.Add(key, t); // adds new keys and replaces existing ones
                live[key] = t;
            }
        }
        Assert.Equal(live.Count, gallery.Count);
        var list = live.Select(e => (e.Key, e.Value)).ToList();
        for (var p = 0; p < 5; p++)
        {
            var probe = p < 2 ? GalleryTestData.Template(random, d) : list[p * 10].Value;
            var expected = GalleryTestData.BruteForce(list, probe, 5, float.NegativeInfinity);
            var actual = gallery.Search(probe, 5);
            // Insertion order differs from the gallery's row order after moves, so compare as sets of (key, score).
            Assert.Equal(expected.OrderBy(e => e.Key), actual.Select(m => (m.Key, m.Score)).OrderBy(e => e.Key));
        }
    }

    [Fact]
    public void Empty_gallery_finds_nothing_before_and_after_use()
    {
        using var gallery = new FaceGallery<int>("e", "1", 192);
        var random = new Random(1);
        var probe = GalleryTestData.Template(random, 192);
        Assert.Empty(gallery.Search(probe, 5));
        Assert.All(gallery.SearchMany([probe, probe], 3), Assert.Empty);
        gallery.Add(1, probe);
        Assert.Equal(1, gallery.Search(probe).Single().Key);
        Assert.True(gallery.Remove(1));
        Assert.Empty(gallery.Search(probe, 5));
        Assert.Empty(gallery.ApproximateScores(probe).Scores);
    }

    [Fact]
    public void Batched_search_equals_one_probe_at_a_time()
    {
        var random = new Random(8);
        var (gallery, _) = RandomGallery(random, 192, 2000, Int8KernelSupport.Best);
        using var g = gallery;
        var probes = Enumerable.Range(0, 9).Select(_ => GalleryTestData.Template(random, 192)).ToArray();
        var batched = gallery.SearchMany(probes, 3, threshold: 0.1f);
        for (var p = 0; p < probes.Length; p++)
            Assert.Equal(gallery.Search(probes[p], 3, threshold: 0.1f), batched[p]);
    }

    [Fact]
    public void The_fp32_baseline_scan_finds_the_same_entries()
    {
        var random = new Random(21);
        var (gallery, _) = RandomGallery(random, 256, 1500, Int8KernelSupport.Best);
        using var g = gallery;
        var probes = Enumerable.Range(0, 5).Select(_ => GalleryTestData.Template(random, 256)).ToArray();
        var quantised = gallery.SearchMany(probes, 8);
        gallery.ExactFloatScan = true;
        var baseline = gallery.SearchMany(probes, 8);
        for (var p = 0; p < probes.Length; p++)
        {
            Assert.Equal(baseline[p].Select(m => m.Key), quantised[p].Select(m => m.Key));
            Assert.All(baseline[p].Zip(quantised[p]), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 5)); // FMA order differs in the last bits
        }
    }

    [Fact]
    public void Few_rows_are_rescored_on_a_random_gallery()
    {
        var random = new Random(12);
        var (gallery, _) = RandomGallery(random, 192, 5000, Int8KernelSupport.Best);
        using var g = gallery;
        for (var p = 0; p < 10; p++) gallery.Search(GalleryTestData.Template(random, 192), 5);
        // The filter must actually filter: a handful of the 5000 rows per probe, not all of them.
        Assert.InRange(gallery.Rescored / 10.0, 5, 250);
    }
}
