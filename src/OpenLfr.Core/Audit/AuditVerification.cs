namespace OpenLfr.Core.Audit;

/// <summary>Result of checking the chain: how many entries were checked and the first problem found.</summary>
public sealed record AuditVerification(bool Valid, long EntriesChecked, long? FirstBadSequence, string? Problem, string? HeadHash);
