namespace OpenLfr.Core.Watchlists;

/// <summary>A person on a watchlist, with the category and reasons that put them there.</summary>
public sealed class Subject
{
    public Guid Id { get; set; }
    public Guid WatchlistId { get; set; }
    /// <summary>The force's own reference (e.g. a warrant or case number); unique within a watchlist.</summary>
    public string Reference { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public SubjectCategory Category { get; set; }
    /// <summary>
    /// How urgently a possible match must be dealt with; copied onto each alert when it is raised. Required for every
    /// subject added; null only for subjects added before urgency triage existed.
    /// </summary>
    public SubjectUrgency? Urgency { get; set; }
    /// <summary>Why this person is included; required for associates, witnesses and victims.</summary>
    public string? Justification { get; set; }
    public DateOnly DateOfBirth { get; set; }
    /// <summary>Recorded reason for including someone under the policy minimum age (refused without one).</summary>
    public string? UnderAgeOverrideReason { get; set; }
    /// <summary>When the inclusion must be reviewed again.</summary>
    public DateOnly ReviewDate { get; set; }
    /// <summary>Another subject on the same watchlist whose image looks like this one's (flag for a human).</summary>
    public Guid? PossibleDuplicateOfId { get; set; }
    public double? PossibleDuplicateScore { get; set; }
    public Guid? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public Watchlist? Watchlist { get; set; }
    public List<SubjectImage> Images { get; set; } = [];
}
