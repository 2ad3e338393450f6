using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Infrastructure;

/// <summary>A theory needing both models and shared data; skipped with the reason when either is absent (outside CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresModelsAndDataTheoryAttribute : TheoryAttribute
{
    public RequiresModelsAndDataTheoryAttribute(string[] models, params string[] data)
    {
        Skip = new RequiresModelsFactAttribute(models).Skip ?? new RequiresSharedDataFactAttribute(data).Skip;
    }
}
