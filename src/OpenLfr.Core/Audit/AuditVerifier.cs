using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Audit;

/// <summary>
/// Walks the whole chain in order and reports the first entry that was altered (hash mismatch), removed
/// (gap in the sequence or broken link) or moved (link to a predecessor that is not the one before it).
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(LfrDbContext db, CancellationToken ct = default)
    {
        long expected = 1, checkedCount = 0;
        var previous = AuditChain.GenesisHash;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Sequence != expected)
                return Bad(expected, $"entry {expected} is missing (next entry is {e.Sequence}): entries were removed or renumbered");
            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
                return Bad(e.Sequence, $"entry {e.Sequence} does not link to entry {e.Sequence - 1}: entries were removed, reordered or altered");
            var hash = AuditChain.ComputeHash(previous, e);
            if (!string.Equals(hash, e.Hash, StringComparison.Ordinal))
                return Bad(e.Sequence, $"entry {e.Sequence} ({e.Action}) does not match its hash: its content was altered");
            previous = e.Hash;
            expected++;
            checkedCount++;
        }
        return new AuditVerification(true, checkedCount, null, null, checkedCount == 0 ? null : previous);

        AuditVerification Bad(long sequence, string problem) => new(false, checkedCount, sequence, problem, null);
    }
}
