using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.OperatorConsole.Queries;

/// <summary>Small read-only look-ups the pages need for labels (names instead of ids); no biometric data.</summary>
public sealed class ConsoleQueries(LfrDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, string>> CameraNamesAsync(CancellationToken ct = default) =>
        await db.Cameras.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

    public async Task<IReadOnlyDictionary<Guid, string>> WatchlistNamesAsync(CancellationToken ct = default) =>
        await db.Watchlists.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);

    /// <summary>Watchlists not yet used by a deployment (each deployment has its own).</summary>
    /// <param name="including">A watchlist to list even though it is used: the one of the draft being edited.</param>
    public async Task<IReadOnlyList<(Guid Id, string Name, int Subjects)>> UnusedWatchlistsAsync(CancellationToken ct = default, Guid? including = null)
    {
        var rows = await db.Watchlists.AsNoTracking()
            .Where(w => w.BiometricsDestroyedAtUtc == null && (w.Id == including || !db.Deployments.Any(d => d.WatchlistId == w.Id)))
            .OrderBy(w => w.Name).Select(w => new { w.Id, w.Name, Subjects = w.Subjects.Count }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name, r.Subjects)).ToList();
    }

    /// <summary>The deployment using a watchlist, if any (id, name, status).</summary>
    public async Task<(Guid Id, string Name, DeploymentStatus Status)?> DeploymentOfWatchlistAsync(Guid watchlistId, CancellationToken ct = default)
    {
        var d = await db.Deployments.AsNoTracking().Where(x => x.WatchlistId == watchlistId).OrderBy(x => x.CreatedAtUtc).Select(x => new { x.Id, x.Name, x.Status }).FirstOrDefaultAsync(ct);
        return d is null ? null : (d.Id, d.Name, d.Status);
    }

    /// <summary>Subject references of a watchlist (case-insensitive keys) to subject ids.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> SubjectReferencesAsync(Guid watchlistId, CancellationToken ct = default)
    {
        var rows = await db.Subjects.AsNoTracking().Where(s => s.WatchlistId == watchlistId).Select(s => new { s.Reference, s.Id }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Reference, r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The active deployments now, for the console header.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string Place)>> ActiveDeploymentsAsync(CancellationToken ct = default)
    {
        var rows = await db.Deployments.AsNoTracking().Where(d => d.Status == DeploymentStatus.Active)
            .OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, d.Place }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name, r.Place)).ToList();
    }

    /// <summary>Who kept an alert as evidence and when (null if it is not evidence).</summary>
    public async Task<(string? By, DateTime? AtUtc)?> EvidenceMarkAsync(Guid alertId, CancellationToken ct = default)
    {
        var row = await db.Alerts.AsNoTracking().Where(a => a.Id == alertId && a.IsEvidence)
            .Select(a => new { a.EvidenceMarkedByName, a.EvidenceMarkedAtUtc }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.EvidenceMarkedByName, row.EvidenceMarkedAtUtc);
    }
}
