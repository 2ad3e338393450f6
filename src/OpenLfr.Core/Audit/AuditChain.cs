using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OpenLfr.Core.Audit;

/// <summary>The hash chain: canonical form of an entry and the hash linking it to its predecessor.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// A JSON array of every field but the hashes, in a fixed order. JSON escaping makes it unambiguous
    /// (no separator inside a field can shift another field).
    /// </summary>
    public static string Canonical(AuditEntry e) => JsonSerializer.Serialize(new object?[]
    {
        e.Sequence,
        e.TimestampUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        e.ActorId?.ToString("D"),
        e.ActorName,
        e.Action,
        e.EntityType,
        e.EntityId,
        e.Details,
    });

    /// <summary>Lower-case hex SHA-256 of <c>previousHash + "\n" + canonical</c>.</summary>
    public static string ComputeHash(string previousHash, AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(e))));
}
