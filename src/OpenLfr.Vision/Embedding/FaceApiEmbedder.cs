using OpenLfr.Inference;
using OpenLfr.Inference.FaceApi;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Alignment;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Embedding;

/// <summary>
/// face-api's face_recognition net (dlib-style ResNet, 128-d, 150x150 input 0..255) on an aligned crop.
/// Not thread-safe.
/// </summary>
public sealed class FaceApiEmbedder : IFaceEmbedder
{
    private readonly FaceApiRecognitionNet _net;

    public FaceApiEmbedder(EmbedderSpec spec, FaceApiRecognitionNet net, string modelVersion)
    {
        Spec = spec;
        _net = net;
        Version = $"{modelVersion}/{spec.PreprocessingVersion}";
    }

    public static FaceApiEmbedder Load(EmbedderSpec spec, ModelStore? store = null, InferenceOptions? options = null)
    {
        store ??= ModelStore.Default();
        var path = store.Require(spec.ModelName);
        var version = store.Manifest.Get(spec.ModelName).Files.FirstOrDefault(f => f.Path.EndsWith(".bin", StringComparison.Ordinal))?.Sha256[..12] ?? "unversioned";
        return new FaceApiEmbedder(spec, FaceApiRecognitionNet.Load(path, options), version);
    }

    public EmbedderSpec Spec { get; }
    public string Id => Spec.Id;
    public string Version { get; }
    public int Dimension => 128;
    public AlignmentTemplate Template => Spec.Template;

    public IReadOnlyList<FaceTemplate> Embed(RgbImage image, IReadOnlyList<FaceLandmarks5> faces)
    {
        if (faces.Count == 0) return [];
        var size = Template.Size;
        var per = size * size * 3;
        var input = new Tensor([faces.Count, size, size, 3]);
        for (var i = 0; i < faces.Count; i++)
            FaceAligner.AlignInto(image, faces[i], Template, input.Data.AsSpan(i * per, per));
        var output = _net.Run(input);
        var dim = output.Data.Length / faces.Count;
        return Enumerable.Range(0, faces.Count).Select(i => new FaceTemplate(Id, Version, output.Data.AsSpan(i * dim, dim))).ToList();
    }

    public void Dispose() => _net.Dispose();
}
