namespace OpenLfr.Core.Evaluation.Embedding;

/// <summary>
/// The face pipeline as the evaluation sees it: image file in, one face embedding out (or none when no face is
/// found). Which face is taken when there are several is the pipeline's enrolment rule.
/// </summary>
public interface IEvaluationEmbedder : IDisposable
{
    /// <summary>
    /// A stable name for everything that shapes the output (detector, alignment, embedder and their versions), e.g.
    /// <c>mobilefacenet@human-models-3.0.4/faceboxes/align5-v1</c>. It keys the embedding cache: change it whenever
    /// the output would change.
    /// </summary>
    string Id { get; }

    /// <summary>
    /// Embeds each image, in order; null where no face was found. The implementation may use every core; it is
    /// called from one thread at a time. An unreadable image throws, naming the file.
    /// </summary>
    IReadOnlyList<float[]?> Embed(IReadOnlyList<string> imagePaths, CancellationToken cancellationToken);
}
