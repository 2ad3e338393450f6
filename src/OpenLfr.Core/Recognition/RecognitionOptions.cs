using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Recognition;

/// <summary>
/// The one face recognition embedder of this server (configuration section <c>Recognition</c>). Enrolment makes
/// watchlist templates with it and the camera workers make live probes with it, so the two cannot disagree;
/// deployments record it, because a threshold only means something for the embedder it was set for.
/// Validated at start-up by <see cref="RecognitionOptionsValidator"/>: an unknown embedder stops the server.
/// </summary>
public sealed class RecognitionOptions
{
    public const string Section = "Recognition";

    /// <summary>An <see cref="EmbedderSpec"/> id (default <see cref="EmbedderSpec.DefaultId"/>).</summary>
    public string Embedder { get; set; } = EmbedderSpec.DefaultId;

    /// <summary>The embedder's spec (its calibration gives the thresholds); throws for an unknown id.</summary>
    public EmbedderSpec Spec => EmbedderSpec.Get(Embedder);
}
