namespace OpenLfr.Core.Watchlists;

/// <summary>
/// A bespoke list of people for one deployment. After the deployment ends its images and templates are
/// destroyed; the subject records stay, so who was on it on a given day can be reconstructed.
/// </summary>
public sealed class Watchlist
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The intelligence case: why these people are expected at the deployment's place.</summary>
    public string IntelligenceCase { get; set; } = "";
    public Guid? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When retention destroyed its images and templates; null while it still holds them.</summary>
    public DateTime? BiometricsDestroyedAtUtc { get; set; }
    public List<Subject> Subjects { get; set; } = [];
}
