using OpenLfr.Vision.Alignment;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Embedding;

/// <summary>
/// Turns faces into templates. Each embedder has its own alignment template (crop size and where the
/// five points go) and template space (id + version). Not thread-safe: one per worker.
/// </summary>
public interface IFaceEmbedder : IDisposable
{
    /// <summary>The model name, e.g. "mobilefacenet"; recorded in every template.</summary>
    string Id { get; }

    /// <summary>Changes whenever the model file or the preprocessing changes, so old templates are not compared with new ones.</summary>
    string Version { get; }

    int Dimension { get; }

    AlignmentTemplate Template { get; }

    /// <summary>Aligns and embeds all <paramref name="faces"/> of one image in one batch.</summary>
    IReadOnlyList<FaceTemplate> Embed(RgbImage image, IReadOnlyList<FaceLandmarks5> faces);
}
