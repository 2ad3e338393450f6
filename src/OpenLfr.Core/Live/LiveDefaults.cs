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
