using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Tests.Watchlists;

public sealed class AgeTests
{
    [Theory]
    [InlineData("2008-03-02", "2026-03-02", 18)]
    [InlineData("2008-03-03", "2026-03-02", 17)]
    [InlineData("2008-02-29", "2026-02-28", 17)]
    public void Age_counts_whole_years(string birth, string day, int expected) =>
        Assert.Equal(expected, WatchlistService.AgeOn(DateOnly.Parse(birth), DateOnly.Parse(day)));
}
