using OpenLfr.Inference;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Landmarks;
using OpenLfr.Vision.Quality;

namespace OpenLfr.Vision.Pipeline;

/// <summary>
/// The face pipeline in one call: image -> faces (box, score, five points, quality) -> aligned crops ->
/// templates, every face of the image embedded in one batch. Detector: FaceBoxes on the whole frame;
/// landmarks: face mesh; embedder: as configured. Not thread-safe (the models are not): use one
/// analyzer per worker thread.
/// </summary>
public sealed class FaceAnalyzer : IDisposable
{
    public FaceAnalyzer(IFaceDetector detector, IFaceLandmarker landmarker, IFaceEmbedder? embedder, FaceAnalyzerOptions options)
    {
        Detector = detector;
        Landmarker = landmarker;
        Embedder = embedder;
        Options = options;
        Quality = new QualityAssessor(options.Quality);
    }

    public static FaceAnalyzer Load(FaceAnalyzerOptions? options = null, ModelStore? store = null)
    {
        options ??= new FaceAnalyzerOptions();
        store ??= ModelStore.Default();
        var inference = new InferenceOptions { Threads = options.Threads };
        var detector = FaceBoxesDetector.Load(store, inference);
        var landmarker = LandmarkerFactory.Load(options.Landmarker, store, inference);
        var embedder = options.Embedder is null ? null : EmbedderFactory.Load(options.Embedder, store, inference);
        return new FaceAnalyzer(detector, landmarker, embedder, options);
    }

    public IFaceDetector Detector { get; }
    public IFaceLandmarker Landmarker { get; }
    public IFaceEmbedder? Embedder { get; }
    public FaceAnalyzerOptions Options { get; }
    public QualityAssessor Quality { get; }

    /// <summary>All faces, highest detector score first; templates only when an embedder is loaded and <paramref name="embed"/>.</summary>
    public IReadOnlyList<AnalyzedFace> Analyze(RgbImage image, bool embed = true, FaceDetectorOptions? detection = null)
    {
        var detections = Detector.Detect(image, detection ?? Options.Detection);
        if (detections.Count == 0) return [];
        var marks = Landmarker.Locate(image, detections.Select(d => d.Box).ToList());
        IReadOnlyList<FaceTemplate>? templates = null;
        if (embed && Embedder is not null) templates = Embedder.Embed(image, marks.Select(m => m.Points).ToList());
        var faces = new AnalyzedFace[detections.Count];
        for (var i = 0; i < faces.Length; i++)
        {
            var quality = Quality.Assess(image, detections[i].Box, marks[i].Points, detections[i].Score);
            faces[i] = new AnalyzedFace(detections[i], marks[i].Points, marks[i].Confidence, quality, templates?[i]);
        }
        return faces;
    }

    /// <summary>The face to enrol or search with when an image holds several (<see cref="PrimaryFaceRule"/>).</summary>
    public static AnalyzedFace? Primary(IReadOnlyList<AnalyzedFace> faces, RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(image);
        var i = PrimaryFaceRule.Select(faces.Select(f => f.Detection).ToList(), image.Width, image.Height);
        return i < 0 ? null : faces[i];
    }

    public void Dispose()
    {
        Detector.Dispose();
        Landmarker.Dispose();
        Embedder?.Dispose();
    }
}
