using OpenLfr.Testing;

namespace OpenLfr.Core.Tests.Evaluation;

/// <summary>A fact that needs LFW in ../shared and the named models; skipped with the reason when either is absent
/// (outside CI, missing models are a skip; in CI they are a failure, as with <see cref="RequiresModelsFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresLfwAndModelsFactAttribute : FactAttribute
{
    public RequiresLfwAndModelsFactAttribute(params string[] models)
    {
        Skip = new RequiresSharedDataFactAttribute("datasets/lfw").Skip ?? new RequiresModelsFactAttribute(models).Skip;
    }
}
