using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Policy;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Retention;

/// <summary>
/// Applies the retention rules once: destroys watchlist images and templates after their deployment
/// ends (subject records stay, so who was on the list can be reconstructed) and deletes alerts older
/// than the retention period unless marked as evidence. Every deletion gets a <see cref="DeletionRecord"/>
/// and an audit entry, saved in the same transaction as the deletion.
/// </summary>
public sealed class RetentionSweeper(LfrDbContext db, AuditLog audit, IOptions<PolicyOptions> policy, TimeProvider clock)
{
    private static readonly Actor Retention = Actor.System("retention");

    public async Task<RetentionReport> SweepAsync(CancellationToken ct = default)
    {
        var watchlists = await DestroyWatchlistBiometricsAsync(ct);
        var alerts = await DeleteExpiredAlertsAsync(ct);
        return new RetentionReport(watchlists.Watchlists, watchlists.Images, alerts);
    }

    private async Task<(int Watchlists, int Images)> DestroyWatchlistBiometricsAsync(CancellationToken ct)
    {
        var now = Timestamps.Now(clock);
        var cutoff = now - policy.Value.WatchlistDestroyAfterEnd;
        var due = await (from d in db.Deployments
                         join w in db.Watchlists on d.WatchlistId equals w.Id
                         where (d.Status == DeploymentStatus.Ended || d.Status == DeploymentStatus.Reviewed)
                               && d.EndedAtUtc <= cutoff && w.BiometricsDestroyedAtUtc == null
                         select new { Watchlist = w, DeploymentId = d.Id }).ToListAsync(ct);
        var images = 0;
        foreach (var item in due)
        {
            var held = await db.SubjectImages.Where(i => i.Subject!.WatchlistId == item.Watchlist.Id && (i.EncryptedImage != null || i.EncryptedTemplate != null)).ToListAsync(ct);
            var events = new List<AuditEvent>();
            foreach (var image in held)
            {
                image.EncryptedImage = null;
                image.EncryptedTemplate = null;
                image.DestroyedAtUtc = now;
                Record("watchlist-image", image.Id, item.DeploymentId, "deployment ended: watchlist media destroyed", now);
                Record("watchlist-template", image.Id, item.DeploymentId, "deployment ended: watchlist template destroyed", now);
                events.Add(new AuditEvent("watchlist-image.destroyed", "subject-image", image.Id.ToString(), new { image.SubjectId, item.DeploymentId }));
            }
            item.Watchlist.BiometricsDestroyedAtUtc = now;
            var subjects = await db.Subjects.CountAsync(s => s.WatchlistId == item.Watchlist.Id, ct);
            events.Add(new AuditEvent("watchlist.biometrics-destroyed", "watchlist", item.Watchlist.Id.ToString(), new { item.DeploymentId, images = held.Count, subjectRecordsKept = subjects }));
            await audit.CommitAsync(db, Retention, events, ct);
            images += held.Count;
        }
        return (due.Count, images);
    }

    private async Task<int> DeleteExpiredAlertsAsync(CancellationToken ct)
    {
        var now = Timestamps.Now(clock);
        var cutoff = now - policy.Value.AlertRetention;
        var expired = await db.Alerts.Where(a => !a.IsEvidence && a.RaisedAtUtc <= cutoff).OrderBy(a => a.RaisedAtUtc).Take(1000).ToListAsync(ct);
        if (expired.Count == 0) return 0;
        foreach (var alert in expired)
        {
            db.Alerts.Remove(alert);
            Record("alert", alert.Id, alert.DeploymentId, $"alert older than {policy.Value.AlertRetention.TotalDays:0.##} days and not marked as evidence", now);
        }
        await audit.CommitAsync(db, Retention, expired.Select(a => new AuditEvent("alert.deleted", "alert", a.Id.ToString(), new { a.DeploymentId, a.RaisedAtUtc })).ToList(), ct);
        return expired.Count;
    }

    private void Record(string kind, Guid id, Guid deploymentId, string reason, DateTime now) =>
        db.DeletionRecords.Add(new DeletionRecord { Id = Guid.NewGuid(), Kind = kind, EntityId = id.ToString(), DeploymentId = deploymentId, Reason = reason, DeletedAtUtc = now, DeletedBy = Retention.Name });
}

public sealed record RetentionReport(int WatchlistsDestroyed, int ImagesDestroyed, int AlertsDeleted);
