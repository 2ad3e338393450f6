using OpenLfr.Core.Evaluation;
using OpenLfr.Core.Evaluation.Dataset;
using OpenLfr.Core.Evaluation.Embedding;

namespace OpenLfr.Core.Tests.Evaluation;

public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openlfr-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);

    [Fact]
    public void Entries_survive_reopening_including_no_face_results()
    {
        using (var cache = EmbeddingCache.Open(_dir, "model@1"))
        {
            cache.Add(HashA, [1f, -2.5f]);
            cache.Add(HashB, null);
            cache.Flush();
        }

        using var reopened = EmbeddingCache.Open(_dir, "model@1");
        Assert.Equal(2, reopened.Count);
        Assert.True(reopened.TryGet(HashA, out var a));
        Assert.Equal([1f, -2.5f], a!);
        Assert.True(reopened.TryGet(HashB, out var b));
        Assert.Null(b);
    }

    [Fact]
    public void Each_pipeline_id_has_its_own_file()
    {
        using (var cache = EmbeddingCache.Open(_dir, "model@1")) { cache.Add(HashA, [1f]); cache.Flush(); }
        using var other = EmbeddingCache.Open(_dir, "model@2");
        Assert.False(other.TryGet(HashA, out _));
    }

    [Fact]
    public void A_torn_last_record_is_dropped_and_writing_continues_after_the_last_whole_one()
    {
        string path;
        using (var cache = EmbeddingCache.Open(_dir, "m"))
        {
            cache.Add(HashA, [1f, 2f]);
            cache.Add(HashB, [3f, 4f]);
            cache.Flush();
            path = cache.Path;
        }
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(f.Length - 3);

        using (var cache = EmbeddingCache.Open(_dir, "m"))
        {
            Assert.Equal(1, cache.Count);
            cache.Add(HashB, [5f, 6f]);
            cache.Flush();
        }
        using var final = EmbeddingCache.Open(_dir, "m");
        Assert.True(final.TryGet(HashB, out var b));
        Assert.Equal([5f, 6f], b!);
    }

    [Fact]
    public void A_foreign_file_is_refused_with_advice()
    {
        using (var cache = EmbeddingCache.Open(_dir, "m")) { }
        var path = Directory.GetFiles(_dir).Single();
        File.WriteAllText(path, "not a cache at all");
        var error = Assert.Throws<EvaluationException>(() => EmbeddingCache.Open(_dir, "m"));
        Assert.Contains("delete it", error.Message);
    }

    [Fact]
    public void Runner_embeds_each_distinct_file_once_and_takes_reruns_from_the_cache()
    {
        var root = TextVectorEmbedder.WriteDataset(("a", "1.jpg", "1 0"), ("a", "2.jpg", "1 0"), ("b", "1.jpg", "0 1"), ("c", "1.jpg", ""));
        try
        {
            var images = EvaluationDataset.Load(root).Identities.SelectMany(i => i.Images).ToList();
            var first = new TextVectorEmbedder();
            using (var cache = EmbeddingCache.Open(_dir, first.Id))
            {
                var result = EmbeddingRunner.Run(images, first, cache, null, CancellationToken.None);
                Assert.Equal(3, first.Images); // a/1 and a/2 have the same bytes
                Assert.Equal([1f, 0f], result[images[1]]!);
                Assert.Null(result[images[3]]);
            }

            var second = new TextVectorEmbedder();
            var reports = new List<EmbeddingProgress>();
            using (var cache = EmbeddingCache.Open(_dir, second.Id))
            {
                var result = EmbeddingRunner.Run(images, second, cache, new Progress(reports), CancellationToken.None);
                Assert.Equal(0, second.Calls);
                Assert.Equal([0f, 1f], result[images[2]]!);
            }
            Assert.Equal(new EmbeddingProgress("text-vector@1", 4, 4, 4), reports.Last());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class Progress(List<EmbeddingProgress> reports) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value) => reports.Add(value);
    }
}
