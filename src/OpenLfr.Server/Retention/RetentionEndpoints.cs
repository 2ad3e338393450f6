using OpenLfr.Core.Identity;
using OpenLfr.Core.Retention;
using OpenLfr.Server.Auth;

namespace OpenLfr.Server.Retention;

public static class RetentionEndpoints
{
    public static void MapRetentionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/retention/deletions", (DateTime? since, int? take, HttpContext http, DeletionRecordQueries records, CancellationToken ct) => records.ListAsync(http.User.ToActor(), since, take ?? 200, ct))
            .WithTags("Retention").RequireRoles(Roles.Auditor, Roles.Administrator).WithSummary("What retention (or anyone) deleted, when and why (the export is audited).");
    }
}
