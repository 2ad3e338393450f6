using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Alerts;

/// <summary>
/// Alerts stored or changed since a time, by any node sharing the database (index on <see cref="Alert.ChangedAtUtc"/>),
/// for servers to push to their consoles what other nodes stored or decided. Reads no images and audits nothing:
/// it feeds the same screens the in-process notifier does, whose views of images are audited when they are opened.
/// </summary>
public sealed class AlertChanges(LfrDbContext db)
{
    /// <summary>The alerts whose <see cref="Alert.ChangedAtUtc"/> is after <paramref name="sinceUtc"/>, oldest change first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<AlertChange>> SinceAsync(DateTime sinceUtc, int max, CancellationToken ct = default)
    {
        var since = Timestamps.Truncate(sinceUtc);
        var rows = await (from a in db.Alerts.AsNoTracking()
                          join s in db.Subjects.AsNoTracking() on a.SubjectId equals s.Id
                          where a.ChangedAtUtc > since
                          orderby a.ChangedAtUtc
                          select new
                          {
                              // Every column but the encrypted images.
                              Alert = new Alert
                              {
                                  Id = a.Id, DeploymentId = a.DeploymentId, CameraId = a.CameraId, TrackId = a.TrackId, SubjectId = a.SubjectId,
                                  SubjectImageId = a.SubjectImageId, Score = a.Score, Threshold = a.Threshold, FrameTimeUtc = a.FrameTimeUtc,
                                  RaisedAtUtc = a.RaisedAtUtc, ChangedAtUtc = a.ChangedAtUtc, Decision = a.Decision, AdjudicatedByName = a.AdjudicatedByName,
                                  AdjudicatedAtUtc = a.AdjudicatedAtUtc, AdjudicationNotes = a.AdjudicationNotes, Outcome = a.Outcome, Arrested = a.Arrested,
                                  IsEvidence = a.IsEvidence, EvidenceReason = a.EvidenceReason,
                              },
                              Subject = s,
                          }).Take(max).ToListAsync(ct);
        return rows.Select(r => new AlertChange(AlertSummary.From(r.Alert, r.Subject), r.Alert.ChangedAtUtc)).ToList();
    }
}

/// <param name="ChangedAtUtc">When it was stored or last changed (<see cref="Alert.ChangedAtUtc"/>).</param>
public sealed record AlertChange(AlertSummary Alert, DateTime ChangedAtUtc);
