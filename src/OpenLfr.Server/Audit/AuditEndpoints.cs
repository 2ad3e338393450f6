using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Auditor));
        group.MapGet("/", async (long? after, int? take, string? action, LfrDbContext db, CancellationToken ct) =>
        {
            var query = db.AuditEntries.AsNoTracking().Where(e => e.Sequence > (after ?? 0));
            if (!string.IsNullOrWhiteSpace(action)) query = query.Where(e => e.Action == action);
            return await query.OrderBy(e => e.Sequence).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct);
        }).WithSummary("Audit entries in order after a sequence number (paging), optionally of one action.");
        group.MapGet("/verify", (LfrDbContext db, CancellationToken ct) => AuditVerifier.VerifyAsync(db, ct))
            .WithSummary("Checks the hash chain; reports the first altered, removed or reordered entry.");
    }
}
