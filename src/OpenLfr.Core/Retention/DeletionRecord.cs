namespace OpenLfr.Core.Retention;

/// <summary>A record that something was deleted, by whom or by which rule (kept after the data is gone).</summary>
public sealed class DeletionRecord
{
    public Guid Id { get; set; }
    public DateTime DeletedAtUtc { get; set; }
    /// <summary>What was deleted: <c>watchlist-image</c>, <c>watchlist-template</c>, <c>alert</c>.</summary>
    public string Kind { get; set; } = "";
    public string EntityId { get; set; } = "";
    public Guid? DeploymentId { get; set; }
    public string Reason { get; set; } = "";
    public string DeletedBy { get; set; } = "";
}
