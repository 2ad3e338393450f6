using System.Globalization;
using OpenLfr.Core.Evaluation.Embedding;

namespace OpenLfr.Core.Tests.Evaluation;

/// <summary>
/// A test pipeline whose "images" are text files holding the embedding ("1 0 0"; empty = no face), so the
/// orchestration, cache and reports can be checked against hand-computed answers without a network.
/// </summary>
internal sealed class TextVectorEmbedder(string id = "text-vector@1") : IEvaluationEmbedder
{
    public int Calls { get; private set; }

    public int Images { get; private set; }

    public string Id { get; } = id;

    public IReadOnlyList<float[]?> Embed(IReadOnlyList<string> imagePaths, CancellationToken cancellationToken)
    {
        Calls++;
        Images += imagePaths.Count;
        return imagePaths.Select(p =>
        {
            var text = File.ReadAllText(p).Trim();
            return text.Length == 0 ? null : text.Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }).ToList();
    }

    public void Dispose()
    {
    }

    /// <summary>Writes ROOT/identity/file with the given vector text.</summary>
    public static string WriteDataset(params (string Identity, string File, string Vector)[] images)
    {
        var root = Directory.CreateTempSubdirectory("openlfr-eval-vec-").FullName;
        foreach (var (identity, file, vector) in images)
        {
            Directory.CreateDirectory(Path.Combine(root, identity));
            File.WriteAllText(Path.Combine(root, identity, file), vector);
        }
        return root;
    }
}
