using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Retention;

/// <summary>Reads the deletion records for auditors.</summary>
public sealed class DeletionRecordQueries(LfrDbContext db)
{
    public async Task<IReadOnlyList<DeletionRecord>> ListAsync(DateTime? sinceUtc, int take, CancellationToken ct = default)
    {
        var query = db.DeletionRecords.AsNoTracking();
        if (sinceUtc is not null) query = query.Where(r => r.DeletedAtUtc >= sinceUtc);
        return await query.OrderByDescending(r => r.DeletedAtUtc).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
    }
}
