namespace OpenLfr.Server.OperatorConsole.Queries;

/// <summary>What the audit viewer filters on; every field is optional. Dates are UTC days, inclusive.</summary>
public sealed class AuditFilter
{
    public string? Action { get; set; }
    public string? Actor { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>Show entries with a sequence number below this (paging backwards from the newest).</summary>
    public long? Before { get; set; }
}
