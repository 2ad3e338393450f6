using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Persistence;
using OpenLfr.Server.Auth;

namespace OpenLfr.Server.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Auditor));
        group.MapGet("/", async (long? after, int? take, string? action, HttpContext http, LfrDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var query = db.AuditEntries.AsNoTracking().Where(e => e.Sequence > (after ?? 0));
            if (!string.IsNullOrWhiteSpace(action)) query = query.Where(e => e.Action == action);
            var entries = await query.OrderBy(e => e.Sequence).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct);
            // Reading the log out is an export: who took which entries, recorded in the chain itself (after the read,
            // so the page returned is the chain as it was).
            await audit.CommitAsync(db, http.User.ToActor(), new AuditEvent("audit.exported", "audit", "*", new
            {
                after, take, action, count = entries.Count, first = entries.FirstOrDefault()?.Sequence, last = entries.LastOrDefault()?.Sequence,
            }), ct);
            return entries;
        }).WithSummary("Audit entries in order after a sequence number (paging), optionally of one action (the export is audited).");
        group.MapGet("/verify", (LfrDbContext db, CancellationToken ct) => AuditVerifier.VerifyAsync(db, ct))
            .WithSummary("Checks the hash chain; reports the first altered, removed or reordered entry.");
    }
}
