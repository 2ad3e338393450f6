namespace OpenLfr.Core.Watchlists;

/// <summary>A new watchlist: a name and the intelligence case for the people on it.</summary>
public sealed record CreateWatchlistRequest(string? Name, string? IntelligenceCase);

/// <summary>A person to add to a watchlist.</summary>
/// <param name="UnderAgeOverrideReason">Required when the person is under the policy minimum age.</param>
/// <param name="Justification">Required for <see cref="SubjectCategory.AssociateWitnessOrVictim"/>.</param>
/// <param name="Urgency">Required: how urgently a possible match of this person must be dealt with (red, amber, green).</param>
public sealed record AddSubjectRequest(
    string? Reference,
    string? DisplayName,
    SubjectCategory? Category,
    SubjectUrgency? Urgency,
    string? Justification,
    DateOnly? DateOfBirth,
    string? UnderAgeOverrideReason,
    DateOnly? ReviewDate);

/// <summary>Provenance shared by the images of one upload.</summary>
public sealed record ImageProvenance(string? LegalBasis, string? Source, DateOnly? DateTaken);

/// <summary>One uploaded file.</summary>
public sealed record UploadedImage(string FileName, ReadOnlyMemory<byte> Data);
