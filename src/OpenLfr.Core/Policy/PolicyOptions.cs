namespace OpenLfr.Core.Policy;

/// <summary>
/// The force's policy limits (configuration section <c>Policy</c>). Validated at start-up by
/// <see cref="PolicyOptionsValidator"/>, so a setting outside what the rules allow stops the server.
/// </summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>Most subjects on one watchlist (South Wales capped theirs at 2,000 images).</summary>
    public int MaxWatchlistSize { get; set; } = 2000;

    /// <summary>Longest authorised window of one deployment (the Met deploys for 5 to 6 hours).</summary>
    public TimeSpan MaxDeploymentDuration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Highest false alert rate a deployment may accept: false positive identification rate per face searched
    /// (the Met's figure: at most 1 in 1,000). The lowest threshold a deployment may use is the server embedder's
    /// threshold calibrated at this rate (<see cref="ThresholdPolicy"/>), since each embedder scores on its own scale.
    /// </summary>
    public double MaximumFalseAlertRate { get; set; } = 0.001;

    /// <summary>Similarity above which a new subject's image flags a likely duplicate of another subject.</summary>
    public double DuplicateSimilarity { get; set; } = 0.6;

    /// <summary>Subjects younger than this are refused unless an override reason is recorded.</summary>
    public int MinimumAgeYears { get; set; } = 18;

    /// <summary>How long after a deployment ends its watchlist images and templates are destroyed (at most 24 h).</summary>
    public TimeSpan WatchlistDestroyAfterEnd { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long alerts and their images are kept unless marked as evidence (at most 31 days).</summary>
    public TimeSpan AlertRetention { get; set; } = TimeSpan.FromDays(31);

    /// <summary>How often the retention and lifecycle sweeps run.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest accepted image upload, in bytes.</summary>
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;
}
