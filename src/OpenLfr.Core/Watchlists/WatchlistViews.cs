namespace OpenLfr.Core.Watchlists;

public sealed record WatchlistSummary(Guid Id, string Name, string IntelligenceCase, int Subjects, DateTime CreatedAtUtc, string CreatedBy, DateTime? BiometricsDestroyedAtUtc);

public sealed record WatchlistView(Guid Id, string Name, string IntelligenceCase, DateTime CreatedAtUtc, string CreatedBy, DateTime? BiometricsDestroyedAtUtc, IReadOnlyList<SubjectView> Subjects);

/// <param name="Urgency">Null only for subjects added before urgency triage existed.</param>
public sealed record SubjectView(
    Guid Id, string Reference, string DisplayName, SubjectCategory Category, SubjectUrgency? Urgency, string? Justification, DateOnly DateOfBirth,
    string? UnderAgeOverrideReason, DateOnly ReviewDate, Guid? PossibleDuplicateOfId, double? PossibleDuplicateScore,
    DateTime CreatedAtUtc, string CreatedBy, IReadOnlyList<SubjectImageView> Images)
{
    public static SubjectView From(Subject s) => new(
        s.Id, s.Reference, s.DisplayName, s.Category, s.Urgency, s.Justification, s.DateOfBirth, s.UnderAgeOverrideReason, s.ReviewDate,
        s.PossibleDuplicateOfId, s.PossibleDuplicateScore, s.CreatedAtUtc, s.CreatedByName,
        s.Images.OrderBy(i => i.EnrolledAtUtc).Select(SubjectImageView.From).ToList());
}

/// <summary>Image metadata only; the picture itself is fetched (and audited) separately.</summary>
public sealed record SubjectImageView(Guid Id, string LegalBasis, string Source, DateOnly DateTaken, double Quality, string EmbedderId, string EmbedderVersion, DateTime EnrolledAtUtc, string EnrolledBy, DateTime? DestroyedAtUtc)
{
    public static SubjectImageView From(SubjectImage i) => new(i.Id, i.LegalBasis, i.Source, i.DateTaken, i.Quality, i.EmbedderId, i.EmbedderVersion, i.EnrolledAtUtc, i.EnrolledByName, i.DestroyedAtUtc);
}

/// <summary>Per-image verdicts of one upload, and any likely duplicate subject.</summary>
public sealed record EnrolmentReport(Guid SubjectId, IReadOnlyList<ImageVerdict> Images, PossibleDuplicate? PossibleDuplicate);

/// <param name="ImageId">The stored image when accepted.</param>
public sealed record ImageVerdict(string FileName, bool Accepted, Guid? ImageId, double? Quality, IReadOnlyList<string> Reasons);

/// <summary>Another subject on the same watchlist whose image is similar: a human should check they are not the same person.</summary>
public sealed record PossibleDuplicate(Guid SubjectId, string Reference, double Score);

public sealed record ImageContent(byte[] Data, string ContentType);
