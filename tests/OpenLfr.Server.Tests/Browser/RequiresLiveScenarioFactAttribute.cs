using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// A browser test with the real live pipeline: needs Debian's chromium, the live models and LFW. Outside CI it is
/// skipped with the reason when any is absent; in CI (<c>CI=true</c>) the models and data are required, so it fails loudly.
/// </summary>
public sealed class RequiresLiveScenarioFactAttribute : FactAttribute
{
    public RequiresLiveScenarioFactAttribute()
    {
        Skip = LiveBrowserServer.Unavailable;
    }
}
