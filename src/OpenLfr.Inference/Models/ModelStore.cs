using System.Security.Cryptography;

namespace OpenLfr.Inference.Models;

/// <summary>
/// The model directory outside git: <c>$OPENLFR_MODELS</c>, else <c>$XDG_CACHE_HOME/openlfr/models</c>
/// (default <c>~/.cache/openlfr/models</c>). Each model's files sit in a folder named after the model,
/// so a graph's relative weight paths resolve. Thread-safe; holds no open files.
/// </summary>
public sealed class ModelStore
{
    public const string DirectoryVariable = "OPENLFR_MODELS";

    public ModelStore(string directory, ModelManifest manifest)
    {
        Directory = Path.GetFullPath(directory);
        Manifest = manifest;
    }

    public string Directory { get; }
    public ModelManifest Manifest { get; }

    /// <summary>The store at the default location with the embedded manifest.</summary>
    public static ModelStore Default() => new(DefaultDirectory(), ModelManifest.Embedded);

    public static string DefaultDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "openlfr", "models");
    }

    public string PathOf(ModelEntry model, ModelFile file) => Path.Combine(Directory, model.Name, file.Path);

    /// <summary>Path of the model's descriptor JSON after checking every file of the model (size and SHA-256).</summary>
    /// <exception cref="ModelException">A file is missing or corrupt; the message names it and the fix.</exception>
    public string Require(string modelName)
    {
        var model = Manifest.Get(modelName);
        foreach (var file in model.Files)
        {
            var status = Check(model, file);
            if (!status.IsOk)
                throw new ModelException($"{status}. Run `./lfr models fetch` to download and repair the models.");
        }
        return PathOf(model, model.Descriptor);
    }

    /// <summary>Checks every file of every model (or of the named ones).</summary>
    public IReadOnlyList<ModelFileStatus> Verify(IEnumerable<string>? modelNames = null)
    {
        var models = modelNames is null ? Manifest.Models : modelNames.Select(Manifest.Get).ToList();
        return models.SelectMany(m => m.Files.Select(f => Check(m, f))).ToList();
    }

    public ModelFileStatus Check(ModelEntry model, ModelFile file)
    {
        var path = PathOf(model, file);
        var info = new FileInfo(path);
        if (!info.Exists) return new(model, file, path, ModelFileState.Missing, null);
        if (info.Length != file.Size)
            return new(model, file, path, ModelFileState.WrongSize, $"{info.Length} bytes, expected {file.Size}");
        var actual = HashFile(path);
        return actual == file.Sha256
            ? new(model, file, path, ModelFileState.Ok, null)
            : new(model, file, path, ModelFileState.WrongChecksum, $"SHA-256 {actual}, expected {file.Sha256}");
    }

    internal static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
