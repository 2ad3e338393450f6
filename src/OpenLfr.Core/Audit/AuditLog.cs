using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Audit;

/// <summary>
/// Appends audit entries and saves them in the same SaveChanges as the change they describe, so a change
/// is never stored without its audit record (and vice versa). Appends are serialised in this process;
/// a second server on the same database would fail on the unique sequence instead of forking the chain.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Adds the events to the chain and saves every pending change of <paramref name="db"/>.</summary>
    public async Task CommitAsync(LfrDbContext db, Actor actor, IReadOnlyList<AuditEvent> events, CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditChain.GenesisHash;
            var now = Timestamps.Now(clock);
            foreach (var ev in events)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    TimestampUtc = now,
                    ActorId = actor.UserId,
                    ActorName = actor.Name,
                    Action = ev.Action,
                    EntityType = ev.EntityType,
                    EntityId = ev.EntityId,
                    Details = ev.Details is null ? "{}" : JsonSerializer.Serialize(ev.Details, JsonDefaults.Options),
                    PreviousHash = previous,
                };
                entry.Hash = AuditChain.ComputeHash(previous, entry);
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
            }
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    public Task CommitAsync(LfrDbContext db, Actor actor, AuditEvent ev, CancellationToken ct = default) =>
        CommitAsync(db, actor, [ev], ct);
}
