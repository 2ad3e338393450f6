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
    float DefaultThreshold)
{
    /// <summary>
    /// The embedder used when none is named. PROVISIONAL: chosen by a quick measurement on an LFW subset
    /// (120 identities, 1:N rank-1 94% for faceres vs 74% mobileface); the evaluation issue decides.
    /// </summary>
    public const string DefaultId = "faceres";

    // DefaultThreshold (cosine) of each spec is PROVISIONAL: the score at FPIR ~0.01 on the same LFW subset
    // (only ~250 non-mated searches, so coarse). The evaluation issue replaces these with measured values.

    /// <summary>
    /// MobileFaceNet (192-d, L2-normalised in the graph) on the ArcFace 112 crop, input (x - 127.5) / 128.
    /// KNOWN PROBLEM: on LFW its embeddings barely vary between people (rank-1 ~4-8% with every input
    /// scaling tried). TF.js gives the same near-constant embeddings and our engine matches it on real faces
    /// (docs/accuracy.md, "Why mobilefacenet fails"): the published checkpoint is at fault; do not use it.
    /// </summary>
    public static EmbedderSpec MobileFaceNet { get; } = new("mobilefacenet", "mobilefacenet", "embeddings",
        AlignmentTemplate.ArcFace112, 1 / 128f, -127.5f / 128, "p1", 0.5f);

    /// <summary>MobileFace (256-d), normalises its 0..255 input inside the graph; ArcFace 112 crop.</summary>
    public static EmbedderSpec MobileFace { get; } = new("mobileface", "mobileface", "batchnorm0/add_1",
        AlignmentTemplate.ArcFace112, 1, 0, "p1", 0.51f);

    /// <summary>
    /// HSE FaceRes (1024-d <c>global_pooling/Mean</c>), 224x224, 0..255. Human feeds it a loose crop
    /// (the face mesh box, enlarged); the zoom here was chosen by measurement on an LFW subset.
    /// </summary>
    public static EmbedderSpec FaceRes { get; } = new("faceres", "faceres", "global_pooling/Mean",
        AlignmentTemplate.FromArcFace("faceres-224", 224, 0.8f), 1, 0, "p1", 0.70f);

    /// <summary>FaceRes-deep: the same graph with another checkpoint.</summary>
    public static EmbedderSpec FaceResDeep { get; } = FaceRes with { Id = "faceres-deep", ModelName = "faceres-deep", DefaultThreshold = 0.80f };

    /// <summary>
    /// face-api's dlib-style ResNet (128-d), 150x150, 0..255. face-api crops the 68-point box padded by 20%;
    /// the equivalent zoom of the ArcFace template was chosen by measurement on an LFW subset.
    /// </summary>
    public static EmbedderSpec FaceApi { get; } = new("faceapi", "faceapi-face_recognition", null,
        AlignmentTemplate.FromArcFace("faceapi-150", 150, 1.0f), 1, 0, "p1", 0.975f);

    public static IReadOnlyList<EmbedderSpec> All { get; } = [MobileFaceNet, MobileFace, FaceRes, FaceResDeep, FaceApi];

    public static EmbedderSpec Get(string id) =>
        All.FirstOrDefault(s => s.Id == id)
        ?? throw new ArgumentException($"Unknown embedder '{id}'. Known: {string.Join(", ", All.Select(s => s.Id))}.");
}
