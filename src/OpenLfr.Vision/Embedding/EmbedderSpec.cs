using OpenLfr.Vision.Alignment;

namespace OpenLfr.Vision.Embedding;

/// <summary>
/// How to run one embedding graph: model, input and output node, crop template and input value mapping
/// (network value = pixel * <see cref="ValueScale"/> + <see cref="ValueOffset"/>, pixel in 0..255).
/// </summary>
public sealed record EmbedderSpec(
    string Id,
    string ModelName,
    string? OutputNode,
    AlignmentTemplate Template,
    float ValueScale,
    float ValueOffset,
    string PreprocessingVersion,
    EmbedderCalibration Calibration,
    IReadOnlyList<FusionPart>? Parts = null)
{
    /// <summary>The model files (names in models/manifest.json) this embedder needs.</summary>
    public IReadOnlyList<string> ModelNames => Parts is null ? [ModelName] : Parts.SelectMany(p => Get(p.EmbedderId).ModelNames).ToList();

    /// <summary>The deployment threshold when none is chosen: the cosine measured at FPIR 1 in 1,000.</summary>
    public float DefaultThreshold => Calibration.AtFpir1In1000;

    /// <summary>
    /// The embedder used when none is named: face-api's dlib ResNet on dlib's chip with mirrored pairs, the best single
    /// model measured by `lfr evaluate` on LFW (docs/accuracy.md: rank-1 95% vs 85% for faceres on 300 identities).
    /// </summary>
    public const string DefaultId = "faceapi";

    private const string WholeLfw = "whole LFW, eval-protocol.md (docs/accuracy.md)";

    /// <summary>
    /// MobileFaceNet (192-d, L2-normalised in the graph) on the ArcFace 112 crop, input (x - 127.5) / 128.
    /// KNOWN PROBLEM: on LFW its embeddings barely vary between people (rank-1 ~4-8% with every input
    /// scaling tried). TF.js gives the same near-constant embeddings and our engine matches it on real faces
    /// (docs/accuracy.md, "Why mobilefacenet fails"): the published checkpoint is at fault; do not use it.
    /// </summary>
    public static EmbedderSpec MobileFaceNet { get; } = new("mobilefacenet", "mobilefacenet", "embeddings",
        AlignmentTemplate.ArcFace112, 1 / 128f, -127.5f / 128, "p1",
        new(1f, 1f, 1f, "LFW 100 identities: unusable, every pair scores ~1.0"));

    /// <summary>MobileFace (256-d), normalises its 0..255 input inside the graph; ArcFace 112 crop.</summary>
    public static EmbedderSpec MobileFace { get; } = new("mobileface", "mobileface", "batchnorm0/add_1",
        AlignmentTemplate.ArcFace112, 1, 0, "p1",
        new(0.5941f, 0.6474f, 0.6915f, WholeLfw));

    /// <summary>
    /// HSE FaceRes (1024-d <c>global_pooling/Mean</c>), 224x224, 0..255. Human feeds it a loose crop
    /// (the face mesh box, enlarged); the zoom here was chosen by measurement on an LFW subset.
    /// </summary>
    public static EmbedderSpec FaceRes { get; } = new("faceres", "faceres", "global_pooling/Mean",
        AlignmentTemplate.FromArcFace("faceres-224", 224, 0.8f), 1, 0, "p1",
        new(0.7351f, 0.7658f, 0.7894f, WholeLfw));

    /// <summary>FaceRes-deep: the same graph with another checkpoint.</summary>
    public static EmbedderSpec FaceResDeep { get; } = FaceRes with
    {
        Id = "faceres-deep", ModelName = "faceres-deep",
        Calibration = new(0.8359f, 0.8665f, 0.8665f, "LFW 300 identities (FPIR 0.0001 not resolved there)"),
    };

    /// <summary>
    /// face-api's dlib-style ResNet (128-d), 150x150, 0..255. face-api crops the 68-point box padded by 20%;
    /// the equivalent zoom of the ArcFace template was chosen by measurement on an LFW subset.
    /// </summary>
    public static EmbedderSpec FaceApi { get; } = new("faceapi", "faceapi-face_recognition", null,
        AlignmentTemplate.Dlib150, 1, 0, "p3",
        new(0.9577f, 0.9655f, 0.9763f, WholeLfw));

    /// <summary>
    /// Fusion of face-api and faceres as one embedder (<see cref="FusedEmbedder"/>; `--model faceapi+faceres` in `lfr evaluate` is the
    /// score fusion with weights from each run's own gallery), each weighted by 1/sigma of its impostor cosines
    /// (face-api 0.0337, faceres 0.0720 on the LFW gallery), i.e. z-score fusion with equal weights. 1,152-d.
    /// </summary>
    public static EmbedderSpec FaceApiFaceRes { get; } = new("fused-faceapi-faceres", "fusion", null, AlignmentTemplate.Dlib150, 1, 0, "p1",
        new(0.8741f, 0.8968f, 0.9064f, "whole LFW, scored from the two parts' embeddings (docs/accuracy.md)"),
        [new("faceapi", 0.6812f), new("faceres", 0.3188f)]);

    public static IReadOnlyList<EmbedderSpec> All { get; } = [MobileFaceNet, MobileFace, FaceRes, FaceResDeep, FaceApi, FaceApiFaceRes];

    public static EmbedderSpec Get(string id) =>
        All.FirstOrDefault(s => s.Id == id)
        ?? throw new ArgumentException($"Unknown embedder '{id}'. Known: {string.Join(", ", All.Select(s => s.Id))}.");
}
