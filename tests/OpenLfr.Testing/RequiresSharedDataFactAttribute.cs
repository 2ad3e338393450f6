namespace OpenLfr.Testing;

/// <summary>
/// A fact that needs items of <c>../shared</c> (e.g. <c>"datasets/lfw"</c>); skipped, with the reason shown,
/// when any is absent.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresSharedDataFactAttribute : FactAttribute
{
    public RequiresSharedDataFactAttribute(params string[] items)
    {
        var missing = items.Where(i => !SharedData.Exists(i)).ToList();
        if (missing.Count > 0)
            Skip = $"needs shared data {string.Join(", ", missing)} under {SharedData.Root} (absent here)";
    }
}

/// <summary>A theory that needs items of <c>../shared</c>; skipped with the reason when any is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresSharedDataTheoryAttribute : TheoryAttribute
{
    public RequiresSharedDataTheoryAttribute(params string[] items)
    {
        var missing = items.Where(i => !SharedData.Exists(i)).ToList();
        if (missing.Count > 0)
            Skip = $"needs shared data {string.Join(", ", missing)} under {SharedData.Root} (absent here)";
    }
}
