using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Alerts;

/// <summary>
/// Alerts stored or changed since a time, by any node sharing the database (index on <see cref="Alert.ChangedAtUtc"/>),
/// for servers to push to their consoles what other nodes stored or decided. Audits nothing: it feeds the same screens
/// the in-process notifier does, whose views of images are audited when they are opened.
/// </summary>
public sealed class AlertChanges(LfrDbContext db)
{
    /// <summary>
    /// What changed after <paramref name="sinceUtc"/>, oldest change first, at most <paramref name="max"/>: the state of each
    /// alert only (cheap enough to read every poll); <see cref="LoadAsync"/> reads the alerts a caller has not seen in that state.
    /// </summary>
    public async Task<IReadOnlyList<AlertChange>> SinceAsync(DateTime sinceUtc, int max, CancellationToken ct = default)
    {
        var since = Timestamps.Truncate(sinceUtc);
        return await db.Alerts.AsNoTracking().Where(a => a.ChangedAtUtc > since).OrderBy(a => a.ChangedAtUtc).Take(max)
            .Select(a => new AlertChange(a.Id, a.ChangedAtUtc, a.Decision, a.Outcome, a.Arrested, a.IsEvidence)).ToListAsync(ct);
    }

    /// <summary>The alerts as operators see them (no images), in no particular order; ids no longer stored are left out.</summary>
    public async Task<IReadOnlyList<AlertSummary>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var list = ids.ToList();
        var rows = await (from a in db.Alerts.AsNoTracking()
                          join s in db.Subjects.AsNoTracking() on a.SubjectId equals s.Id
                          where list.Contains(a.Id)
                          select new { a, s }).ToListAsync(ct);
        return rows.Select(r => AlertSummary.From(r.a, r.s)).ToList();
    }
}

/// <summary>An alert's state at its last change (<see cref="Alert.ChangedAtUtc"/>): what decides whether a console has seen it.</summary>
public sealed record AlertChange(Guid Id, DateTime ChangedAtUtc, AlertDecision Decision, AlertOutcome? Outcome, bool? Arrested, bool IsEvidence);
