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
    string PreprocessingVersion)
{
    /// <summary>
    /// MobileFaceNet (192-d, L2-normalised in the graph) on the ArcFace 112 crop, input (x - 127.5) / 128
    /// as the TensorFlow MobileFaceNet it comes from was trained.
    /// </summary>
    public static EmbedderSpec MobileFaceNet { get; } = new("mobilefacenet", "mobilefacenet", "embeddings",
        AlignmentTemplate.ArcFace112, 1 / 128f, -127.5f / 128, "p1");

    /// <summary>MobileFace (256-d), normalises its 0..255 input inside the graph; ArcFace 112 crop.</summary>
    public static EmbedderSpec MobileFace { get; } = new("mobileface", "mobileface", "batchnorm0/add_1",
        AlignmentTemplate.ArcFace112, 1, 0, "p1");

    /// <summary>
    /// HSE FaceRes (1024-d <c>global_pooling/Mean</c>), 224x224, 0..255. Human feeds it a loose crop
    /// (the face mesh box, enlarged); the zoom here was chosen by measurement on an LFW subset.
    /// </summary>
    public static EmbedderSpec FaceRes { get; } = new("faceres", "faceres", "global_pooling/Mean",
        AlignmentTemplate.FromArcFace("faceres-224", 224, 0.8f), 1, 0, "p1");

    /// <summary>FaceRes-deep: the same graph with another checkpoint.</summary>
    public static EmbedderSpec FaceResDeep { get; } = FaceRes with { Id = "faceres-deep", ModelName = "faceres-deep" };

    public static IReadOnlyList<EmbedderSpec> All { get; } = [MobileFaceNet, MobileFace, FaceRes, FaceResDeep];

    public static EmbedderSpec Get(string id) =>
        All.FirstOrDefault(s => s.Id == id)
        ?? throw new ArgumentException($"Unknown embedder '{id}'. Known: {string.Join(", ", All.Select(s => s.Id))}.");
}
