using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Live;

/// <summary>
/// Defaults of live identification: the embedder chosen by `lfr evaluate` (docs/accuracy.md) and its threshold at
/// FPIR 1 in 1,000, so a deployment that sets nothing alerts at the measured operating point.
/// </summary>
public static class LiveDefaults
{
    public const string Embedder = EmbedderSpec.DefaultId;

    /// <summary>Cosine similarity of pooled track evidence to a watchlist photo for a possible match.</summary>
    public static float Threshold => EmbedderSpec.Get(Embedder).DefaultThreshold;
}
