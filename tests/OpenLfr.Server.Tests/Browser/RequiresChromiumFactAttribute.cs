namespace OpenLfr.Server.Tests.Browser;

/// <summary>A browser test: skipped, with the reason, when Debian's chromium is not installed.</summary>
public sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute()
    {
        if (BrowserServer.Unavailable is { } reason) Skip = reason;
    }
}
