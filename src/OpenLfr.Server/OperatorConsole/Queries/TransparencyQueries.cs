using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.OperatorConsole.Queries;

/// <summary>The public record: one row per completed (ended or reviewed) deployment, newest first. No personal data.</summary>
public sealed class TransparencyQueries(LfrDbContext db)
{
    public async Task<IReadOnlyList<TransparencyRow>> RowsAsync(CancellationToken ct = default)
    {
        var done = await db.Deployments.AsNoTracking()
            .Where(d => d.Status == DeploymentStatus.Ended || d.Status == DeploymentStatus.Reviewed)
            .OrderByDescending(d => d.StartsAtUtc)
            .Select(d => new { d.Id, d.Place, d.StartsAtUtc, d.ActivatedAtUtc, d.EndedAtUtc, d.EndsAtUtc, d.Status }).ToListAsync(ct);
        var rows = new List<TransparencyRow>(done.Count);
        foreach (var d in done)
        {
            var f = await DeploymentFigures.ComputeAsync(db, d.Id, ct);
            // Duration is the time the cameras could run: from activation (or the window's start) to the end.
            var start = d.ActivatedAtUtc ?? d.StartsAtUtc;
            var end = d.EndedAtUtc ?? d.EndsAtUtc;
            rows.Add(new TransparencyRow(d.Id, DateOnly.FromDateTime(start), d.Place, start, end, Math.Round(Math.Max(0, (end - start).TotalHours), 2),
                f.WatchlistSize, f.FacesSeen, f.Alerts, f.TrueAlerts, f.FalseAlerts, f.Engagements, f.Arrests, f.FalseAlertRateText, d.Status == DeploymentStatus.Reviewed));
        }
        return rows;
    }

    /// <summary>One deployment's figures (frozen if reviewed, computed now otherwise).</summary>
    public Task<DeploymentFigures> FiguresAsync(Guid deploymentId, CancellationToken ct = default) => DeploymentFigures.ComputeAsync(db, deploymentId, ct);

    public static string ToCsv(IReadOnlyList<TransparencyRow> rows)
    {
        var sb = new StringBuilder("date,place,start_utc,end_utc,duration_hours,watchlist_size,faces_seen,alerts,true_alerts,false_alerts,engagements,arrests,reviewed\n");
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Date:yyyy-MM-dd},{Quote(r.Place)},{r.StartedUtc:yyyy-MM-ddTHH:mm:ssZ},{r.EndedUtc:yyyy-MM-ddTHH:mm:ssZ},");
            sb.Append(CultureInfo.InvariantCulture, $"{r.DurationHours},{r.WatchlistSize},{r.FacesSeen},{r.Alerts},{r.TrueAlerts},{r.FalseAlerts},{r.Engagements},{r.Arrests},{(r.Reviewed ? "true" : "false")}\n");
        }
        return sb.ToString();
    }

    /// <summary>RFC 4180 quoting, and a leading quote mark for text a spreadsheet would run as a formula.</summary>
    private static string Quote(string s)
    {
        if (s.Length > 0 && "=+-@".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
