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
        new(1f, 1f, 1f, "LFW 100 identities: unusable, every pair scores ~1.0") { GallerySize = 100 });

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
        new(0.7338f, 0.7704f, 0.7858f, WholeLfw) { BySize = FaceResBySize });

    /// <summary>
    /// faceres's thresholds by watchlist size, measured like <see cref="FaceApiBySize"/> with today's default pipeline
    /// (face-api 68-point landmarks; the earlier fixed figures 0.7351 / 0.7658 / 0.7894 were measured with the face mesh).
    /// The independence model's threshold was within 0.0056 of, and never below, the measured one.
    /// </summary>
    private static GallerySizeThreshold[] FaceResBySize =>
    [
        new(1, 0.5786f, 0.6391f, 0.6882f),
        new(2, 0.5983f, 0.6549f, 0.7011f),
        new(3, 0.6092f, 0.6636f, 0.7090f),
        new(5, 0.6223f, 0.6743f, 0.7180f),
        new(10, 0.6388f, 0.6881f, 0.7313f),
        new(20, 0.6544f, 0.7009f, 0.7421f),
        new(30, 0.6631f, 0.7088f, 0.7483f),
        new(50, 0.6736f, 0.7176f, 0.7547f),
        new(100, 0.6871f, 0.7308f, 0.7656f),
        new(200, 0.6995f, 0.7412f, 0.7727f),
        new(300, 0.7066f, 0.7471f, 0.7796f),
        new(500, 0.7145f, 0.7534f, 0.7818f),
        new(1000, 0.7258f, 0.7644f, 0.7859f),
        new(1680, 0.7338f, 0.7704f, 0.7859f),
        new(2000, 0.7421f, 0.7727f, null),
        new(3000, 0.7483f, 0.7796f, null),
        new(5000, 0.7547f, 0.7818f, null),
        new(10000, 0.7656f, 0.7859f, null),
        new(20000, 0.7727f, null, null),
        new(50000, 0.7818f, null, null),
        new(100000, 0.7859f, null, null),
    ];

    /// <summary>FaceRes-deep: the same graph with another checkpoint.</summary>
    public static EmbedderSpec FaceResDeep { get; } = FaceRes with
    {
        Id = "faceres-deep", ModelName = "faceres-deep",
        Calibration = new(0.8359f, 0.8665f, 0.8665f, "LFW 300 identities (FPIR 0.0001 not resolved there)") { GallerySize = 300 },
    };

    /// <summary>
    /// face-api's dlib-style ResNet (128-d), 150x150, 0..255. face-api crops the 68-point box padded by 20%;
    /// the equivalent zoom of the ArcFace template was chosen by measurement on an LFW subset.
    /// </summary>
    public static EmbedderSpec FaceApi { get; } = new("faceapi", "faceapi-face_recognition", null,
        AlignmentTemplate.Dlib150, 1, 0, "p3",
        new(0.9577f, 0.9655f, 0.9763f, WholeLfw) { BySize = FaceApiBySize });

    /// <summary>
    /// face-api's thresholds by watchlist size at FPIR 1 in 100 / 1,000 / 10,000 (`lfr evaluate` on whole LFW, default
    /// pipeline; docs/accuracy.md "Thresholds by watchlist size"): up to 1,680 the exact mean over every sub-gallery of that
    /// size of LFW's gallery, beyond it extrapolated as 1-(1-FMR)^N (the model's threshold was within 0.0008 of, and never
    /// below, the measured one at every size both exist). 1 in 10,000 rests on about one search and is not resolved
    /// beyond 1,680; 1 in 1,000 not beyond 10,000 (null). The jump to 0.9763 comes from LFW's few near-duplicate
    /// photos of different names, the top of the impostor scores.
    /// </summary>
    private static GallerySizeThreshold[] FaceApiBySize =>
    [
        new(1, 0.9153f, 0.9320f, 0.9449f),
        new(2, 0.9209f, 0.9361f, 0.9485f),
        new(3, 0.9239f, 0.9384f, 0.9507f),
        new(5, 0.9275f, 0.9412f, 0.9530f),
        new(10, 0.9319f, 0.9448f, 0.9564f),
        new(20, 0.9360f, 0.9485f, 0.9591f),
        new(30, 0.9383f, 0.9506f, 0.9611f),
        new(50, 0.9410f, 0.9530f, 0.9627f),
        new(100, 0.9446f, 0.9563f, 0.9645f),
        new(200, 0.9481f, 0.9590f, 0.9662f),
        new(300, 0.9501f, 0.9609f, 0.9677f),
        new(500, 0.9525f, 0.9627f, 0.9690f),
        new(1000, 0.9557f, 0.9645f, 0.9763f),
        new(1680, 0.9578f, 0.9655f, 0.9763f),
        new(2000, 0.9591f, 0.9662f, null),
        new(3000, 0.9611f, 0.9677f, null),
        new(5000, 0.9627f, 0.9690f, null),
        new(10000, 0.9645f, 0.9763f, null),
        new(20000, 0.9662f, null, null),
        new(50000, 0.9690f, null, null),
        new(100000, 0.9763f, null, null),
    ];

    /// <summary>
    /// Fusion of face-api and faceres as one embedder (<see cref="FusedEmbedder"/>; `--model faceapi+faceres` in `lfr evaluate` is the
    /// score fusion with weights from each run's own gallery), each weighted by 1/sigma of its impostor cosines
    /// (face-api 0.0337, faceres 0.0720 on the LFW gallery), i.e. z-score fusion with equal weights. 1,152-d.
    /// </summary>
    public static EmbedderSpec FaceApiFaceRes { get; } = new("fused-faceapi-faceres", "fusion", null, AlignmentTemplate.Dlib150, 1, 0, "p1",
        new(0.8737f, 0.8954f, 0.9069f, WholeLfw) { BySize = FusedBySize },
        [new("faceapi", 0.6812f), new("faceres", 0.3188f)]);

    /// <summary>
    /// The fused embedder's thresholds by watchlist size, measured like <see cref="FaceApiBySize"/> by `lfr evaluate --model
    /// fused-faceapi-faceres` with today's default pipeline (face-api 68-point landmarks; the earlier fixed figures 0.8741 /
    /// 0.8968 / 0.9064 were scored from face-mesh embeddings). The independence model's threshold was within 0.0022 of,
    /// and never below, the measured one.
    /// </summary>
    private static GallerySizeThreshold[] FusedBySize =>
    [
        new(1, 0.7975f, 0.8263f, 0.8506f),
        new(2, 0.8069f, 0.8338f, 0.8576f),
        new(3, 0.8121f, 0.8382f, 0.8615f),
        new(5, 0.8182f, 0.8436f, 0.8660f),
        new(10, 0.8261f, 0.8505f, 0.8717f),
        new(20, 0.8335f, 0.8575f, 0.8771f),
        new(30, 0.8379f, 0.8613f, 0.8805f),
        new(50, 0.8431f, 0.8657f, 0.8854f),
        new(100, 0.8497f, 0.8715f, 0.8919f),
        new(200, 0.8561f, 0.8768f, 0.8958f),
        new(300, 0.8597f, 0.8805f, 0.8977f),
        new(500, 0.8638f, 0.8851f, 0.9004f),
        new(1000, 0.8696f, 0.8919f, 0.9070f),
        new(1680, 0.8737f, 0.8954f, 0.9070f),
        new(2000, 0.8771f, 0.8958f, null),
        new(3000, 0.8805f, 0.8977f, null),
        new(5000, 0.8854f, 0.9004f, null),
        new(10000, 0.8919f, 0.9070f, null),
        new(20000, 0.8958f, null, null),
        new(50000, 0.9004f, null, null),
        new(100000, 0.9070f, null, null),
    ];

    public static IReadOnlyList<EmbedderSpec> All { get; } = [MobileFaceNet, MobileFace, FaceRes, FaceResDeep, FaceApi, FaceApiFaceRes];

    public static EmbedderSpec Get(string id) =>
        All.FirstOrDefault(s => s.Id == id)
        ?? throw new ArgumentException($"Unknown embedder '{id}'. Known: {string.Join(", ", All.Select(s => s.Id))}.");
}
