using OpenLfr.Core.Alerts;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.Auth;

namespace OpenLfr.Server.Alerts;

public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Alerts");

        group.MapGet("/", (Guid? deploymentId, AlertDecision? decision, SubjectUrgency? urgency, HttpContext http, AlertService alerts, CancellationToken ct) =>
            alerts.ListAsync(http.User.ToActor(), deploymentId, decision, urgency, ct))
            .RequireRoles(Roles.Operator, Roles.AuthorisingOfficer, Roles.Auditor)
            .WithSummary("Possible matches, newest first, optionally filtered by deployment, decision and urgency (Immediate, Arrest, IntelligenceOnly); the view is audited.");
        group.MapGet("/{id:guid}", (Guid id, HttpContext http, AlertService alerts, CancellationToken ct) => alerts.GetAsync(http.User.ToActor(), id, ct))
            .RequireRoles(Roles.Operator, Roles.AuthorisingOfficer, Roles.Auditor).WithSummary("One possible match (the view is audited).");
        group.MapGet("/{id:guid}/probe", async (Guid id, HttpContext http, AlertService alerts, CancellationToken ct) =>
        {
            var image = await alerts.GetImageAsync(http.User.ToActor(), id, AlertImageKind.Probe, ct);
            return Results.File(image.Data, image.ContentType);
        }).RequireRoles(Roles.Operator).WithSummary("The probe face crop (audited).");
        group.MapGet("/{id:guid}/thumbnail", async (Guid id, HttpContext http, AlertService alerts, CancellationToken ct) =>
        {
            var image = await alerts.GetImageAsync(http.User.ToActor(), id, AlertImageKind.Thumbnail, ct);
            return Results.File(image.Data, image.ContentType);
        }).RequireRoles(Roles.Operator).WithSummary("The frame with every other face blurred (audited).");

        group.MapPost("/{id:guid}/adjudication", (Guid id, AdjudicateRequest request, HttpContext http, AlertService alerts, CancellationToken ct) =>
            alerts.AdjudicateAsync(http.User.ToActor(), id, request, ct))
            .RequireRoles(Roles.Operator).WithSummary("The operator's decision: NoMatch or Engage.");
        group.MapPost("/{id:guid}/outcome", (Guid id, OutcomeRequest request, HttpContext http, AlertService alerts, CancellationToken ct) =>
            alerts.RecordOutcomeAsync(http.User.ToActor(), id, request, ct))
            .RequireRoles(Roles.Operator).WithSummary("Outcome of an engagement: ConfirmedSubject, NotTheSubject or NotLocated; arrested or not.");
        group.MapPost("/{id:guid}/evidence", (Guid id, EvidenceRequest request, HttpContext http, AlertService alerts, CancellationToken ct) =>
            alerts.MarkEvidenceAsync(http.User.ToActor(), id, request, ct))
            .RequireRoles(Roles.Operator, Roles.AuthorisingOfficer).WithSummary("Keep beyond the retention period because it is needed for proceedings (reason required).");
    }
}
