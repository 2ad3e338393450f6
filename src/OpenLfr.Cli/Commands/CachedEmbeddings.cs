using OpenLfr.Core.Evaluation.Embedding;

namespace OpenLfr.Cli.Commands;

/// <summary>
/// The embeddings of an evaluation cache file (<c>~/.cache/openlfr/embeddings/*.bin</c>), read-only through
/// <see cref="EmbeddingCache.ReadAll"/>, for benchmarks on real embeddings. Images without a face are skipped.
/// </summary>
internal static class CachedEmbeddings
{
    public static List<float[]> Read(string path)
    {
        var vectors = EmbeddingCache.ReadAll(path).Select(r => r.Embedding).OfType<float[]>().Where(v => v.Length > 0).ToList();
        if (vectors.Count > 0 && vectors.Any(v => v.Length != vectors[0].Length))
            throw new InvalidDataException($"'{path}' mixes embeddings of different lengths; one cache file holds one embedder's.");
        return vectors;
    }
}
