namespace OpenLfr.Cli.Commands;

/// <summary>
/// Reads an evaluation embedding cache file (<c>~/.cache/openlfr/embeddings/*.bin</c>, written by
/// OpenLfr.Core's EmbeddingCache) read-only, for benchmarks on real embeddings. Opening it through
/// EmbeddingCache would take a write handle and trim a torn tail, which a benchmark must not do.
/// Format: "OLFREMB1", then records <c>hash[32] | int32 length (-1: no face) | float32[length]</c>.
/// </summary>
internal static class CachedEmbeddings
{
    public static List<float[]> Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.BaseStream.Length < 8 || !reader.ReadBytes(8).AsSpan().SequenceEqual("OLFREMB1"u8))
            throw new InvalidDataException($"'{path}' is not an OpenLFR embedding cache (no OLFREMB1 header); pass a file from ~/.cache/openlfr/embeddings.");
        var vectors = new List<float[]>();
        var stream = reader.BaseStream;
        while (stream.Length - stream.Position >= 36)
        {
            stream.Position += 32;
            var length = reader.ReadInt32();
            if (length < -1 || length > 65536 || stream.Length - stream.Position < 4L * Math.Max(length, 0)) break; // torn tail
            if (length <= 0) continue;
            var v = new float[length];
            for (var i = 0; i < length; i++) v[i] = reader.ReadSingle();
            if (vectors.Count > 0 && length != vectors[0].Length)
                throw new InvalidDataException($"'{path}' mixes {vectors[0].Length}-d and {length}-d embeddings; one cache file holds one embedder's.");
            vectors.Add(v);
        }
        return vectors;
    }
}
