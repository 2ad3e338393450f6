namespace OpenLfr.Core.Deployments;

/// <summary>
/// One time-limited use of LFR at one place with one watchlist. The "before" part (purpose, place,
/// justification, necessity, proportionality) is fixed at authorisation; the "after" part (figures,
/// review) is written at the end.
/// </summary>
public sealed class Deployment
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Place { get; set; } = "";
    /// <summary>Why watchlisted people are reasonably expected at this place (ties to the watchlist's intelligence case).</summary>
    public string PlaceJustification { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Necessity { get; set; } = "";
    public string Proportionality { get; set; } = "";
    /// <summary>Signs are up and leaflets available at the place.</summary>
    public bool SignageConfirmed { get; set; }
    /// <summary>
    /// The data protection impact assessment covering this use (the force's document reference). A draft may lack it;
    /// authorisation is refused without it (ICO: a DPIA for every use).
    /// </summary>
    public string? DpiaReference { get; set; }
    /// <summary>The appropriate policy document for the sensitive (biometric) processing; required to authorise, like the DPIA.</summary>
    public string? AppropriatePolicyDocumentReference { get; set; }
    /// <summary>
    /// The planner confirms the system is standalone: not linked to CCTV, body-worn video or ANPR. Required to authorise.
    /// </summary>
    public bool StandaloneConfirmed { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }
    /// <summary>Similarity at or above which a face raises an alert (at least the policy minimum for <see cref="Embedder"/>).</summary>
    public double Threshold { get; set; }
    /// <summary>
    /// The recognition embedder the threshold is for (the server's <c>Recognition:Embedder</c> when the deployment was
    /// saved); empty for deployments saved before it was recorded. Camera workers of another embedder refuse it.
    /// </summary>
    public string Embedder { get; set; } = "";
    public Guid WatchlistId { get; set; }
    public DeploymentStatus Status { get; set; }
    public List<DeploymentCamera> Cameras { get; set; } = [];

    public Guid? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    public Guid? AuthorisedById { get; set; }
    public string? AuthorisedByName { get; set; }
    public string? AuthoriserRank { get; set; }
    public DateTime? AuthorisedAtUtc { get; set; }
    public string? AuthorisationNotes { get; set; }

    public DateTime? ActivatedAtUtc { get; set; }
    public string? ActivatedByName { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public string? EndReason { get; set; }

    /// <summary>Distinct face tracks seen (reported by the camera workers), for the transparency figures.</summary>
    public long FacesSeen { get; set; }
    public int AlertsRaised { get; set; }

    public Guid? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewConclusions { get; set; }
    public int? WatchlistSize { get; set; }
    public int? TrueAlerts { get; set; }
    public int? FalseAlerts { get; set; }
    public int? Engagements { get; set; }
    public int? Arrests { get; set; }
    /// <summary>Alerts by the urgency they were raised with (red, amber, green), frozen at review; alerts without one are the rest.</summary>
    public int? ImmediateAlerts { get; set; }
    public int? ArrestAlerts { get; set; }
    public int? IntelligenceOnlyAlerts { get; set; }
}
