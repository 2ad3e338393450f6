using OpenLfr.Inference;
using OpenLfr.Inference.Models;

namespace OpenLfr.Vision.Embedding;

/// <summary>Loads the embedder an <see cref="EmbedderSpec"/> describes (a TF.js graph, a face-api net or a fusion).</summary>
public static class EmbedderFactory
{
    public static IFaceEmbedder Load(EmbedderSpec spec, ModelStore? store = null, InferenceOptions? options = null) =>
        spec.Parts is not null ? FusedEmbedder.Load(spec, store, options)
        : spec.ModelName.StartsWith("faceapi-", StringComparison.Ordinal) ? FaceApiEmbedder.Load(spec, store, options)
        : GraphEmbedder.Load(spec, store, options);

    public static IFaceEmbedder Load(string id, ModelStore? store = null, InferenceOptions? options = null) =>
        Load(EmbedderSpec.Get(id), store, options);
}
