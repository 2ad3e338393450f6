using OpenLfr.Testing;

namespace OpenLfr.Inference.Tests.Parity;

/// <summary>A fact that needs the named models and Node.js (for TensorFlow.js references); skipped with the reason otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresTfjsFactAttribute : FactAttribute
{
    public RequiresTfjsFactAttribute(params string[] models)
    {
        Skip = TfjsReference.SkipReason ?? new RequiresModelsFactAttribute(models).Skip;
    }
}
