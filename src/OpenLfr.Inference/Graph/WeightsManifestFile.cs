using System.Text.Json;

namespace OpenLfr.Inference.Graph;

/// <summary>Opens a TF.js weights manifest JSON file (an array of weight groups, no topology) and decodes its weights.</summary>
internal static class WeightsManifestFile
{
    public static Dictionary<string, WeightEntry> Read(string manifestPath)
    {
        var path = Path.GetFullPath(manifestPath);
        if (!File.Exists(path))
            throw new ModelLoadException($"Weights manifest '{path}' does not exist. Run `./lfr models fetch` or check the path.");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return WeightsManifestReader.Read(doc.RootElement, Path.GetDirectoryName(path)!, path);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"{path}: not valid JSON ({e.Message}).", e);
        }
        catch (KeyNotFoundException e)
        {
            throw new ModelLoadException($"{path}: a weight entry lacks a required field ({e.Message}).", e);
        }
    }
}
