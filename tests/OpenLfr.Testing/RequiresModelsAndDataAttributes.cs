namespace OpenLfr.Testing;

/// <summary>A fact needing both models and shared data; skipped with the reason when either is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresModelsAndDataFactAttribute : FactAttribute
{
    public RequiresModelsAndDataFactAttribute(string[] models, params string[] data)
    {
        Skip = new RequiresModelsFactAttribute(models).Skip ?? new RequiresSharedDataFactAttribute(data).Skip;
    }
}

/// <summary>The theory form of <see cref="RequiresModelsAndDataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresModelsAndDataTheoryAttribute : TheoryAttribute
{
    public RequiresModelsAndDataTheoryAttribute(string[] models, params string[] data)
    {
        Skip = new RequiresModelsFactAttribute(models).Skip ?? new RequiresSharedDataFactAttribute(data).Skip;
    }
}
