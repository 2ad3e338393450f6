using OpenLfr.Core.Policy;

namespace OpenLfr.Core.Tests.Policy;

public sealed class PolicyOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.True(new PolicyOptionsValidator().Validate(null, new PolicyOptions()).Succeeded);

    [Fact]
    public void Keeping_watchlists_over_24_hours_or_alerts_over_31_days_is_refused()
    {
        var result = new PolicyOptionsValidator().Validate(null, new PolicyOptions { WatchlistDestroyAfterEnd = TimeSpan.FromHours(25), AlertRetention = TimeSpan.FromDays(32) });
        Assert.True(result.Failed);
        Assert.Contains("WatchlistDestroyAfterEnd", result.FailureMessage);
        Assert.Contains("AlertRetention", result.FailureMessage);
    }
}
