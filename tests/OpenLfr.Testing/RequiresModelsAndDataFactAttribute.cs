namespace OpenLfr.Testing;

/// <summary>
/// A fact that needs both model files and items of <c>../shared</c>; skipped with the reason when either is absent
/// (missing models fail in CI, as with <see cref="RequiresModelsFactAttribute"/>). Tests must not return early instead:
/// a test that silently passes without its data hides that nothing was checked.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresModelsAndDataFactAttribute : FactAttribute
{
    public RequiresModelsAndDataFactAttribute(string[] models, params string[] data)
    {
        Skip = new RequiresModelsFactAttribute(models).Skip ?? new RequiresSharedDataFactAttribute(data).Skip;
    }
}
