using OpenLfr.Inference.Models;

namespace OpenLfr.Testing;

/// <summary>
/// A fact that needs model files in the model store. Outside CI it is skipped when they are absent
/// (run <c>./lfr models fetch</c>); in CI (<c>CI=true</c>) it runs anyway, so a broken setup fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresModelsFactAttribute : FactAttribute
{
    public RequiresModelsFactAttribute(params string[] models)
    {
        Skip = Models.SkipReason(models);
    }
}

/// <summary>The theory form of <see cref="RequiresModelsFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresModelsTheoryAttribute : TheoryAttribute
{
    public RequiresModelsTheoryAttribute(params string[] models)
    {
        Skip = Models.SkipReason(models);
    }
}

/// <summary>Access to the model store for tests.</summary>
public static class Models
{
    public static ModelStore Store { get; } = ModelStore.Default();

    /// <summary>Why a test needing <paramref name="models"/> must skip here, or null (always null in CI).</summary>
    public static string? SkipReason(params string[] models)
    {
        if (SharedData.InCi) return null;
        var store = Store;
        var missing = models.Where(m => store.Manifest.Get(m).Files.Any(f => !File.Exists(store.PathOf(store.Manifest.Get(m), f)))).ToList();
        return missing.Count == 0 ? null : $"needs models {string.Join(", ", missing)} in {store.Directory}: run ./lfr models fetch";
    }
}
