namespace OpenLfr.Core.Audit;

/// <summary>Something to record in the audit log; <paramref name="Details"/> is serialised to JSON.</summary>
public sealed record AuditEvent(string Action, string EntityType, string EntityId, object? Details = null);
