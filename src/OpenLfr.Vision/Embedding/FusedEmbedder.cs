using OpenLfr.Inference;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Alignment;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Embedding;

/// <summary>
/// Score-level fusion as one embedder: each part embeds the face on its own crop, and the unit vectors are joined,
/// part i scaled by sqrt(w_i). The cosine of two fused templates is then exactly sum_i w_i * cosine_i, a weighted
/// sum of the parts' scores, so galleries, the matcher, thresholds and storage handle fusion with no special case.
/// Weights of 1/sigma_i (sigma_i: the spread of part i's impostor scores) equal z-score fusion up to a constant.
/// Not thread-safe.
/// </summary>
public sealed class FusedEmbedder : IFaceEmbedder
{
    private readonly IReadOnlyList<(IFaceEmbedder Embedder, float Scale)> _parts;

    private FusedEmbedder(EmbedderSpec spec, IReadOnlyList<(IFaceEmbedder, float)> parts)
    {
        Spec = spec;
        _parts = parts;
        Version = string.Join('+', parts.Select(p => p.Item1.Version)) + "/" + string.Join(',', spec.Parts!.Select(p => p.Weight.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)));
        Dimension = parts.Sum(p => p.Item1.Dimension);
    }

    public static FusedEmbedder Load(EmbedderSpec spec, ModelStore? store = null, InferenceOptions? options = null)
    {
        if (spec.Parts is not { Count: > 1 } parts) throw new ArgumentException($"Embedder '{spec.Id}' is not a fusion of two or more embedders.", nameof(spec));
        var loaded = new List<(IFaceEmbedder, float)>();
        try
        {
            foreach (var part in parts)
                loaded.Add((EmbedderFactory.Load(EmbedderSpec.Get(part.EmbedderId), store, options), MathF.Sqrt(part.Weight)));
            return new FusedEmbedder(spec, loaded);
        }
        catch
        {
            foreach (var (e, _) in loaded) e.Dispose();
            throw;
        }
    }

    public EmbedderSpec Spec { get; }
    public string Id => Spec.Id;
    public string Version { get; }
    public int Dimension { get; }

    /// <summary>The first part's crop; each part aligns to its own template.</summary>
    public AlignmentTemplate Template => Spec.Template;

    public IReadOnlyList<FaceTemplate> Embed(RgbImage image, IReadOnlyList<FaceLandmarks5> faces)
    {
        if (faces.Count == 0) return [];
        var partTemplates = _parts.Select(p => p.Embedder.Embed(image, faces)).ToList();
        var joined = new float[Dimension];
        var result = new FaceTemplate[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var offset = 0;
            for (var p = 0; p < _parts.Count; p++)
            {
                var unit = partTemplates[p][i].Vector;
                System.Numerics.Tensors.TensorPrimitives.Multiply(unit, _parts[p].Scale, joined.AsSpan(offset, unit.Length));
                offset += unit.Length;
            }
            result[i] = new FaceTemplate(Id, Version, joined);
        }
        Array.Clear(joined);
        return result;
    }

    public void Dispose()
    {
        foreach (var (e, _) in _parts) e.Dispose();
    }
}
