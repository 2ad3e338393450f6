using System.Numerics.Tensors;

namespace OpenLfr.Vision.Embedding;

/// <summary>
/// A face's biometric template: an L2-normalised embedding plus the embedder (id and version) that made it.
/// Templates of different embedders live in different spaces; comparing them is an error
/// (<see cref="TemplateMismatchException"/>), never a silent wrong score. Sensitive data: never log it.
/// </summary>
public sealed class FaceTemplate
{
    /// <param name="vector">The embedding; it is copied and L2-normalised.</param>
    public FaceTemplate(string embedderId, string embedderVersion, ReadOnlySpan<float> vector)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderVersion);
        if (vector.Length == 0) throw new ArgumentException("A template needs a non-empty vector.", nameof(vector));
        var norm = TensorPrimitives.Norm(vector);
        if (!(norm > 0) || float.IsInfinity(norm))
            throw new ArgumentException($"The {embedderId} embedding has norm {norm}; it cannot be a template (did the model run on an empty crop?).", nameof(vector));
        var copy = vector.ToArray();
        TensorPrimitives.Divide(copy, norm, copy);
        EmbedderId = embedderId;
        EmbedderVersion = embedderVersion;
        Vector = copy;
    }

    public string EmbedderId { get; }

    public string EmbedderVersion { get; }

    /// <summary>The unit-length embedding. Do not modify.</summary>
    public float[] Vector { get; }

    public int Dimension => Vector.Length;

    /// <summary>"id@version": what must be equal for two templates to be comparable.</summary>
    public string Space => $"{EmbedderId}@{EmbedderVersion}";

    /// <summary>Cosine similarity in -1..1 (1 = same direction).</summary>
    /// <exception cref="TemplateMismatchException">The templates come from different embedders or versions.</exception>
    public float Similarity(FaceTemplate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureComparable(other.EmbedderId, other.EmbedderVersion, other.Dimension);
        return TensorPrimitives.Dot(Vector, other.Vector);
    }

    internal void EnsureComparable(string embedderId, string embedderVersion, int dimension)
    {
        if (embedderId != EmbedderId || embedderVersion != EmbedderVersion || dimension != Dimension)
            throw new TemplateMismatchException(
                $"Cannot compare a {Space} template ({Dimension}-d) with a {embedderId}@{embedderVersion} template ({dimension}-d): " +
                "they come from different embedders. Re-enrol the gallery with one embedder.");
    }
}
