namespace OpenLfr.Vision.Embedding;

/// <summary>One embedder of a fusion and its weight (its share of the fused cosine; the weights sum to 1).</summary>
public sealed record FusionPart(string EmbedderId, float Weight);
