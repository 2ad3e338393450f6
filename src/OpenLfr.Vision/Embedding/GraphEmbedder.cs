using OpenLfr.Inference;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Alignment;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Embedding;

/// <summary>An embedder that is a TF.js graph model run by the managed engine. Not thread-safe.</summary>
public sealed class GraphEmbedder : IFaceEmbedder
{
    private readonly GraphModel _model;
    private readonly string _input;
    private readonly string _output;

    public GraphEmbedder(EmbedderSpec spec, GraphModel model, string modelVersion)
    {
        Spec = spec;
        _model = model;
        _input = model.InputNames[0];
        _output = spec.OutputNode ?? model.OutputNames[0];
        Version = $"{modelVersion}/{spec.PreprocessingVersion}";
        // One run on a blank crop tells the output width (and compiles the plan before the first real face).
        Dimension = RunBatch(new RgbImage(spec.Template.Size, spec.Template.Size), [spec.Template.Points]).Data.Length;
    }

    /// <summary>Loads the spec's model from the store; the version records the model file's checksum prefix.</summary>
    public static GraphEmbedder Load(EmbedderSpec spec, ModelStore? store = null, InferenceOptions? options = null)
    {
        store ??= ModelStore.Default();
        var path = store.Require(spec.ModelName);
        var entry = store.Manifest.Get(spec.ModelName);
        var version = entry.Files.FirstOrDefault(f => f.Path.EndsWith(".bin", StringComparison.Ordinal))?.Sha256[..12] ?? "unversioned";
        return new GraphEmbedder(spec, GraphModel.Load(path, options), version);
    }

    public EmbedderSpec Spec { get; }
    public string Id => Spec.Id;
    public string Version { get; }
    public int Dimension { get; }
    public AlignmentTemplate Template => Spec.Template;

    public IReadOnlyList<FaceTemplate> Embed(RgbImage image, IReadOnlyList<FaceLandmarks5> faces)
    {
        if (faces.Count == 0) return [];
        var output = RunBatch(image, faces);
        var dim = output.Data.Length / faces.Count;
        var result = new FaceTemplate[faces.Count];
        for (var i = 0; i < faces.Count; i++)
            result[i] = new FaceTemplate(Id, Version, output.Data.AsSpan(i * dim, dim));
        return result;
    }

    private Tensor RunBatch(RgbImage image, IReadOnlyList<FaceLandmarks5> faces)
    {
        var size = Template.Size;
        var per = size * size * 3;
        var input = new Tensor([faces.Count, size, size, 3]);
        for (var i = 0; i < faces.Count; i++)
            FaceAligner.AlignInto(image, faces[i], Template, input.Data.AsSpan(i * per, per));
        if (Spec.ValueScale != 1 || Spec.ValueOffset != 0)
        {
            var d = input.Data;
            for (var i = 0; i < d.Length; i++) d[i] = d[i] * Spec.ValueScale + Spec.ValueOffset;
        }
        return _model.Run(new Dictionary<string, Tensor> { [_input] = input }, [_output])[_output];
    }

    public void Dispose() => _model.Dispose();
}
