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
        var reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
        if (_stream.Length < Magic.Length || !reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            throw new EvaluationException($"Embedding cache '{Path}' is not an OpenLFR embedding cache; delete it to rebuild it.");
        var goodEnd = _stream.Position;
        while (_stream.Length - _stream.Position >= 36)
        {
            var hash = Convert.ToHexStringLower(reader.ReadBytes(32));
            var length = reader.ReadInt32();
            if (length < -1 || length > 65536 || _stream.Length - _stream.Position < 4L * Math.Max(length, 0)) break;
            float[]? embedding = null;
            if (length >= 0)
            {
                embedding = new float[length];
                for (var i = 0; i < length; i++) embedding[i] = reader.ReadSingle();
            }
            _entries[hash] = embedding;
            goodEnd = _stream.Position;
        }
        // Drop a torn last record so that new records follow the last whole one.
        _stream.SetLength(goodEnd);
        _stream.Position = goodEnd;
    }

    private static string FileNameFor(string embedderId)
    {
        var safe = new string(embedderId.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_').ToArray());
        if (safe.Length > 80) safe = safe[..80];
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(embedderId)))[..12];
        return $"{safe}-{digest}.bin";
    }
}
