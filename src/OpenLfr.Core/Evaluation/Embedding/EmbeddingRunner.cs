using System.Security.Cryptography;
using OpenLfr.Core.Evaluation.Dataset;

namespace OpenLfr.Core.Evaluation.Embedding;

/// <summary>Embeds every image of an evaluation once, taking what it can from the cache and adding the rest.</summary>
public static class EmbeddingRunner
{
    /// <summary>Images handed to the pipeline per call: large enough for its batching, small enough for steady progress.</summary>
    public const int ChunkSize = 32;

    /// <param name="cache">Null to run without a cache.</param>
    public static Dictionary<DatasetImage, float[]?> Run(
        IReadOnlyCollection<DatasetImage> images,
        IEvaluationEmbedder embedder,
        EmbeddingCache? cache,
        IProgress<EmbeddingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var list = images.ToList();
        var hashes = new string[list.Count];
        Parallel.For(0, list.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => hashes[i] = HashOf(list[i].Path));

        var result = new Dictionary<DatasetImage, float[]?>(list.Count);
        var byHash = new Dictionary<string, float[]?>(StringComparer.Ordinal);
        var todo = new List<int>();
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var fromCache = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (cache is not null && cache.TryGet(hashes[i], out var cached))
            {
                byHash[hashes[i]] = cached;
                fromCache++;
            }
            else if (pending.Add(hashes[i]))
            {
                todo.Add(i); // identical files are embedded once
            }
        }
        var done = list.Count - todo.Count;
        progress?.Report(new EmbeddingProgress(embedder.Id, done, list.Count, fromCache));

        foreach (var chunk in todo.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var embeddings = embedder.Embed(chunk.Select(i => list[i].Path).ToList(), cancellationToken);
            if (embeddings.Count != chunk.Length)
                throw new InvalidOperationException($"Embedder {embedder.Id} returned {embeddings.Count} results for {chunk.Length} images.");
            for (var k = 0; k < chunk.Length; k++)
            {
                byHash[hashes[chunk[k]]] = embeddings[k];
                cache?.Add(hashes[chunk[k]], embeddings[k]);
            }
            cache?.Flush();
            done += chunk.Length;
            progress?.Report(new EmbeddingProgress(embedder.Id, done, list.Count, fromCache));
        }
        for (var i = 0; i < list.Count; i++) result[list[i]] = byHash[hashes[i]];
        return result;
    }

    /// <summary>SHA-256 of a file's bytes, lower-case hex.</summary>
    public static string HashOf(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException e)
        {
            throw new EvaluationException($"Cannot read image '{path}': {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new EvaluationException($"Cannot read image '{path}': {e.Message}", e);
        }
    }
}
