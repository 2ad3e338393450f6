using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Live;

/// <summary>
/// Defaults of live identification: the embedder chosen by `lfr evaluate` (docs/accuracy.md) and its threshold at
/// FPIR 1 in 1,000 for one image, adjusted for pooled track evidence by the amount measured with `lfr evaluate-live`
/// (docs/benchmarks.md, "Alert accuracy"), so a deployment that sets nothing alerts at a measured operating point.
/// </summary>
public static class LiveDefaults
{
    public const string Embedder = EmbedderSpec.DefaultId;

    /// <summary>Cosine similarity of pooled track evidence to a watchlist photo for a possible match (default embedder).</summary>
    public static float Threshold => ThresholdFor(Embedder);

    /// <summary>The live threshold of an embedder: its single-image FPIR 1-in-1,000 threshold plus its pooling adjustment.</summary>
    public static float ThresholdFor(string embedderId) => LiveThreshold(embedderId, EmbedderSpec.Get(embedderId).DefaultThreshold);

    /// <summary>The live threshold equivalent to a single-image threshold (e.g. a deployment's, from its FPIR).</summary>
    public static float LiveThreshold(string embedderId, float singleImageThreshold) => singleImageThreshold + PooledEvidenceAdjustment(embedderId);

    /// <summary>
    /// The threshold live alerts of a deployment are raised and checked against: its single-image threshold (calibrated
    /// at its FPIR) with the embedder's pooling adjustment, to 4 decimals. The camera workers raise alerts at it, the
    /// server refuses alerts below it, and each alert records it.
    /// </summary>
    public static double AlertThreshold(string? embedderId, double deploymentThreshold) =>
        Math.Round(LiveThreshold(string.IsNullOrEmpty(embedderId) ? Embedder : embedderId, (float)deploymentThreshold), 4);

    /// <summary>
    /// What to add to a single-image threshold when the score is of a track's pooled evidence (the unit mean of its best
    /// 2-3 frames). For faceapi -0.0105 (0.9655 at FPIR 1e-3 becomes 0.955), measured with `lfr evaluate-live` on four
    /// walk-pasts of LFW faces (140 people, 40 watchlisted, watchlist photo different from the one shown;
    /// docs/benchmarks.md "Alert accuracy"): the highest wrong-person score was 0.930 with 10-subject watchlists and
    /// 0.950 with 310-subject ones, so 0.955 raised no wrong-person alert in either while finding 62% of the watchlisted
    /// people, against 28% at the single-image threshold. The impostor tail rises with the watchlist's size: re-measure
    /// for watchlists much larger than 300. Other embedders are not measured live: no adjustment.
    /// </summary>
    public static float PooledEvidenceAdjustment(string embedderId) => embedderId == "faceapi" ? -0.0105f : 0f;

    /// <summary>
    /// Re-linking a track to one lost a moment ago needs the default embedder's FPIR 1-in-100 similarity, on top of the
    /// gates of camera and time (<see cref="LivePipelineOptions.RelinkSeconds"/>) and no overlap in time; a re-link
    /// only joins evidence (and never re-alerts a subject already alerted on the earlier track).
    /// </summary>
    public static float RelinkSimilarityFor(string embedderId) => EmbedderSpec.Get(embedderId).Calibration.AtFpir1In100;

    /// <summary><see cref="RelinkSimilarityFor"/> of the default embedder.</summary>
    public static float RelinkSimilarity => RelinkSimilarityFor(Embedder);

    /// <summary>
    /// A track's new face is someone else's when less similar than this to the track's evidence (the tracker followed
    /// another person across a crossing). Measured for faceapi with `lfr evaluate-live` on two 30-person walk-pasts
    /// (docs/benchmarks.md): the 9 real jumps scored 0.78-0.88, needless splits of one person's small, re-lit faces
    /// 0.89-0.95. Only faceapi is measured: for another embedder the check is off (null) until it is.
    /// </summary>
    public static float? SwitchSimilarityFor(string embedderId) => embedderId == "faceapi" ? 0.885f : null;

    /// <summary><see cref="SwitchSimilarityFor"/> of the default embedder.</summary>
    public static float? SwitchSimilarity => SwitchSimilarityFor(Embedder);
}
