using Microsoft.Extensions.Options;

namespace OpenLfr.Core.Policy;

/// <summary>Rejects policy settings the published rules do not allow (e.g. keeping watchlists over 24 h).</summary>
public sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions o)
    {
        var failures = new List<string>();
        if (o.MaxWatchlistSize is < 1 or > 100_000) failures.Add($"Policy:MaxWatchlistSize must be 1..100000 (got {o.MaxWatchlistSize}).");
        if (o.MaxDeploymentDuration <= TimeSpan.Zero || o.MaxDeploymentDuration > TimeSpan.FromHours(24))
            failures.Add($"Policy:MaxDeploymentDuration must be more than 0 and at most 24:00:00 (got {o.MaxDeploymentDuration}).");
        // Embedders are calibrated at 1 in 100, 1,000 and 10,000 (EmbedderCalibration); a stricter rate has no threshold.
        if (double.IsNaN(o.MaximumFalseAlertRate) || o.MaximumFalseAlertRate is < 0.0001 or > 0.01)
            failures.Add($"Policy:MaximumFalseAlertRate must be 0.0001..0.01, a false alert rate per face searched that embedders are calibrated for (got {o.MaximumFalseAlertRate}).");
        if (o.DuplicateSimilarity is < -1 or > 1) failures.Add($"Policy:DuplicateSimilarity must be in -1..1 (got {o.DuplicateSimilarity}).");
        if (o.MinimumAgeYears is < 0 or > 30) failures.Add($"Policy:MinimumAgeYears must be 0..30 (got {o.MinimumAgeYears}).");
        if (o.WatchlistDestroyAfterEnd < TimeSpan.Zero || o.WatchlistDestroyAfterEnd > TimeSpan.FromHours(24))
            failures.Add($"Policy:WatchlistDestroyAfterEnd must be 0..24:00:00: watchlists are destroyed within 24 hours of a deployment's end (got {o.WatchlistDestroyAfterEnd}).");
        if (o.AlertRetention <= TimeSpan.Zero || o.AlertRetention > TimeSpan.FromDays(31))
            failures.Add($"Policy:AlertRetention must be more than 0 and at most 31.00:00:00 (got {o.AlertRetention}).");
        if (o.SweepInterval < TimeSpan.FromSeconds(1) || o.SweepInterval > TimeSpan.FromHours(1))
            failures.Add($"Policy:SweepInterval must be 00:00:01..01:00:00 (got {o.SweepInterval}).");
        if (o.MaxImageBytes is < 1024 or > 100L * 1024 * 1024) failures.Add($"Policy:MaxImageBytes must be 1 KiB..100 MiB (got {o.MaxImageBytes}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
