using Microsoft.EntityFrameworkCore;
using OpenLfr.Core;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.OperatorConsole.Queries;

/// <summary>The audit viewer's reads: filtered entries, newest first, and the chain check. Reading is itself audited.</summary>
public sealed class AuditQueries(LfrDbContext db, AuditLog audit)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(Actor reader, AuditFilter f, CancellationToken ct = default)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(e => e.Action.Contains(f.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Actor)) q = q.Where(e => e.ActorName.Contains(f.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(e => e.EntityType == f.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(e => e.EntityId == f.EntityId.Trim());
        if (f.From is { } from) { var t = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(e => e.TimestampUtc >= t); }
        if (f.To is { } to) { var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(e => e.TimestampUtc < t); }
        if (f.Before is { } before) q = q.Where(e => e.Sequence < before);
        var rows = await q.OrderByDescending(e => e.Sequence).Take(PageSize).ToListAsync(ct);
        await audit.CommitAsync(db, reader, new AuditEvent("audit.viewed", "audit", "*",
            new { f.Action, f.Actor, f.EntityType, f.EntityId, f.From, f.To, f.Before, entries = rows.Count }), ct);
        return rows;
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => AuditVerifier.VerifyAsync(db, ct);
}
