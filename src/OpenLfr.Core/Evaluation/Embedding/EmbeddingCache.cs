using System.Text;

namespace OpenLfr.Core.Evaluation.Embedding;

/// <summary>
/// Embeddings of evaluation images keyed by the SHA-256 of the file's bytes, one append-only binary file per
/// pipeline id, so a rerun (another labels file, another report) skips the network. Records are
/// <c>hash[32] | int32 length (-1: no face) | float32[length]</c> after an 8-byte magic; a record cut short by a
/// crash is dropped on load. Only for evaluation datasets: live video never goes through it.
/// Not safe for two processes writing the same pipeline's file at once.
/// </summary>
public sealed class EmbeddingCache : IDisposable
{
    private static readonly byte[] Magic = "OLFREMB1"u8.ToArray();
    private readonly Dictionary<string, float[]?> _entries = new(StringComparer.Ordinal);
    private readonly FileStream _stream;
    private readonly BinaryWriter _writer;

    private EmbeddingCache(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
        _writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The default cache folder: <c>$OPENLFR_CACHE/embeddings</c> or <c>~/.cache/openlfr/embeddings</c>.</summary>
    public static string DefaultDirectory =>
        System.IO.Path.Combine(
            Environment.GetEnvironmentVariable("OPENLFR_CACHE") is { Length: > 0 } c
                ? c
                : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "openlfr"),
            "embeddings");

    public string Path { get; }

    public int Count => _entries.Count;

    /// <summary>Opens (creating if needed) the cache file of one pipeline in <paramref name="directory"/>.</summary>
    public static EmbeddingCache Open(string directory, string embedderId)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileNameFor(embedderId));
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var cache = new EmbeddingCache(path, stream);
        try
        {
            cache.Load();
        }
        catch
        {
            cache.Dispose();
            throw;
        }
        return cache;
    }

    /// <param name="hash">SHA-256 of the image file, lower-case hex.</param>
    public bool TryGet(string hash, out float[]? embedding) => _entries.TryGetValue(hash, out embedding);

    public void Add(string hash, float[]? embedding)
    {
        if (!_entries.TryAdd(hash, embedding)) return;
        _writer.Write(Convert.FromHexString(hash));
        _writer.Write(embedding?.Length ?? -1);
        if (embedding is not null)
            foreach (var v in embedding) _writer.Write(v);
    }

    /// <summary>Makes the records added so far durable.</summary>
    public void Flush()
    {
        _writer.Flush();
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private void Load()
    {
        if (_stream.Length == 0)
        {
            _stream.Write(Magic);
            return;
        }
        var goodEnd = 0L;
        foreach (var (hash, embedding, end) in ReadRecords(_stream, Path, "delete it to rebuild it"))
        {
            _entries[hash] = embedding;
            goodEnd = end;
        }
        // Drop a torn last record so that new records follow the last whole one.
        goodEnd = Math.Max(goodEnd, Magic.Length);
        _stream.SetLength(goodEnd);
        _stream.Position = goodEnd;
    }

    /// <summary>
    /// Every whole record of a cache file, read-only (no write handle, a torn tail left as it is): for tools that use
    /// real embeddings, such as <c>lfr bench matcher --embeddings</c>.
    /// </summary>
    /// <exception cref="EvaluationException">The file is not an OpenLFR embedding cache.</exception>
    public static IReadOnlyList<(string Hash, float[]? Embedding)> ReadAll(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadRecords(stream, path, "pass a file from ~/.cache/openlfr/embeddings").Select(r => (r.Hash, r.Embedding)).ToList();
    }

    /// <summary>The records after the magic, each with the stream position where it ends; stops at a torn record.</summary>
    private static IEnumerable<(string Hash, float[]? Embedding, long End)> ReadRecords(Stream stream, string path, string whatToDo)
    {
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (stream.Length < Magic.Length || !reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            throw new EvaluationException($"Embedding cache '{path}' is not an OpenLFR embedding cache; {whatToDo}.");
        while (stream.Length - stream.Position >= 36)
        {
            var hash = Convert.ToHexStringLower(reader.ReadBytes(32));
            var length = reader.ReadInt32();
            if (length < -1 || length > 65536 || stream.Length - stream.Position < 4L * Math.Max(length, 0)) yield break;
            float[]? embedding = null;
            if (length >= 0)
            {
                embedding = new float[length];
                for (var i = 0; i < length; i++) embedding[i] = reader.ReadSingle();
            }
            yield return (hash, embedding, stream.Position);
        }
    }

    private static string FileNameFor(string embedderId)
    {
        var safe = new string(embedderId.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_').ToArray());
        if (safe.Length > 80) safe = safe[..80];
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(embedderId)))[..12];
        return $"{safe}-{digest}.bin";
    }
}
