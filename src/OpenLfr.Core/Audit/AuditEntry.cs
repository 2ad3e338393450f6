namespace OpenLfr.Core.Audit;

/// <summary>
/// One append-only audit record. <see cref="Hash"/> is SHA-256 over <see cref="PreviousHash"/> and the
/// canonical form of this entry (<see cref="AuditChain"/>), so altering, removing or reordering any entry
/// breaks the chain from that point on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3, ... with no gaps.</summary>
    public long Sequence { get; set; }
    public DateTime TimestampUtc { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>What happened, e.g. <c>alert.viewed</c>, <c>deployment.authorised</c>, <c>auth.login-failed</c>.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>JSON text with the particulars; never biometric data.</summary>
    public string Details { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
