using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Quality;

namespace OpenLfr.Vision.Pipeline;

/// <summary>What a <see cref="FaceAnalyzer"/> loads and how it runs.</summary>
public sealed record FaceAnalyzerOptions
{
    /// <summary>Embedder id (see <c>EmbedderSpec.All</c>); null = detection, landmarks and quality only.</summary>
    public string? Embedder { get; init; } = Embedding.EmbedderSpec.DefaultId;

    /// <summary>Five-point landmarker (see <c>LandmarkerFactory.Names</c>).</summary>
    public string Landmarker { get; init; } = Landmarks.LandmarkerFactory.Default;

    /// <summary>Threads each model may use (per analyzer; run one analyzer per worker for throughput).</summary>
    public int Threads { get; init; } = 1;

    public FaceDetectorOptions Detection { get; init; } = new();

    public QualityOptions Quality { get; init; } = new();
}
