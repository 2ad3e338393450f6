using OpenLfr.Inference.Models;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Landmarks;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.Live;

/// <summary>
/// The live pipeline's face analysis on the Vision models: FaceBoxes detection in the region of
/// interest, face-mesh five points and the embedder for the faces chosen for embedding (one batch
/// per frame). Not thread-safe: one per camera.
/// </summary>
public sealed class VisionLiveFaceAnalyzer : ILiveFaceAnalyzer
{
    private readonly IFaceDetector _detector;
    private readonly IFaceLandmarker _landmarker;
    private readonly IFaceEmbedder _embedder;
    private readonly FaceDetectorOptions _detection;

    public VisionLiveFaceAnalyzer(IFaceDetector detector, IFaceLandmarker landmarker, IFaceEmbedder embedder, FaceDetectorOptions? detection = null)
    {
        _detector = detector;
        _landmarker = landmarker;
        _embedder = embedder;
        _detection = detection ?? new FaceDetectorOptions();
    }

    /// <summary>Loads the models from the store (throws naming a missing model and `lfr models fetch`).</summary>
    public static VisionLiveFaceAnalyzer Load(string embedderId = LiveDefaults.Embedder, ModelStore? store = null, FaceDetectorOptions? detection = null)
    {
        store ??= ModelStore.Default();
        var detector = FaceBoxesDetector.Load(store);
        var landmarker = LandmarkerFactory.Load(LandmarkerFactory.Default, store);
        var embedder = EmbedderFactory.Load(embedderId, store);
        return new VisionLiveFaceAnalyzer(detector, landmarker, embedder, detection);
    }

    public IFaceEmbedder Embedder => _embedder;

    public IReadOnlyList<LiveFace> Detect(RgbImage frame, RegionOfInterest roi)
    {
        var options = roi.Width == frame.Width && roi.Height == frame.Height
            ? _detection
            : _detection with { RegionOfInterest = new BoxF(roi.X, roi.Y, roi.Width, roi.Height) };
        var found = _detector.Detect(frame, options);
        var faces = new LiveFace[found.Count];
        for (var i = 0; i < found.Count; i++) faces[i] = new LiveFace(found[i].Box, found[i].Score, Quality(found[i]));
        return faces;
    }

    public IReadOnlyList<float[]> Embed(RgbImage frame, IReadOnlyList<LiveFace> faces)
    {
        if (faces.Count == 0) return [];
        var points = _landmarker.Locate(frame, faces.Select(f => f.Box).ToList());
        var templates = _embedder.Embed(frame, points.Select(p => p.Points).ToList());
        return templates.Select(t => t.Vector).ToList();
    }

    /// <summary>
    /// Until a dedicated quality model is used: confident, large faces are better; faces under ~40 px
    /// carry little identity and score low, those of 112 px (the embedder's crop) or more score fully.
    /// </summary>
    private static float Quality(FaceDetection d) => d.Score * Math.Clamp((Math.Min(d.Box.Width, d.Box.Height) - 24f) / 88f, 0f, 1f);

    public void Dispose()
    {
        _detector.Dispose();
        _landmarker.Dispose();
        _embedder.Dispose();
    }
}
