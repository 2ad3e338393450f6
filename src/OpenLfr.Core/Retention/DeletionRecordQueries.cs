using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Retention;

/// <summary>Reads the deletion records for auditors; every read is an export of records and is itself audited.</summary>
public sealed class DeletionRecordQueries(LfrDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<DeletionRecord>> ListAsync(Actor actor, DateTime? sinceUtc, int take, CancellationToken ct = default)
    {
        var query = db.DeletionRecords.AsNoTracking();
        if (sinceUtc is not null) query = query.Where(r => r.DeletedAtUtc >= sinceUtc);
        var records = await query.OrderByDescending(r => r.DeletedAtUtc).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        await audit.CommitAsync(db, actor, new AuditEvent("deletions.exported", "deletion-record", "*", new { sinceUtc, take, count = records.Count }), ct);
        return records;
    }
}
