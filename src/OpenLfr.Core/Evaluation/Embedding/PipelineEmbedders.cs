using OpenLfr.Inference.Models;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Landmarks;

namespace OpenLfr.Core.Evaluation.Embedding;

/// <summary>
/// The model names <c>lfr evaluate --model</c> accepts and the face pipeline behind each. Filled from the vision
/// pipeline (OpenLfr.Vision) as its embedders become available.
/// </summary>
public static class PipelineEmbedders
{
    /// <summary>The model evaluated when none is named; the recommended default once measured (docs/accuracy.md).</summary>
    public const string DefaultModel = EmbedderSpec.DefaultId;

    /// <summary>Model names the evaluation knows, whether or not the pipeline can run them yet.</summary>
    public static IReadOnlyList<string> Known => EmbedderSpec.All.Select(s => s.Id).ToList();

    public static IEvaluationEmbedder Create(string model) => Create(model, LandmarkerFactory.Default);

    /// <summary>The pipeline for <paramref name="model"/> with the named five-point landmarker.</summary>
    public static IEvaluationEmbedder Create(string model, string landmarker)
    {
        var spec = EmbedderSpec.All.FirstOrDefault(s => s.Id == model)
            ?? throw new EvaluationException($"Unknown model '{model}'. Known: {string.Join(", ", Known)}; join two with '+' for score fusion.");
        try
        {
            return new VisionPipelineEmbedder(spec, landmarker: landmarker);
        }
        catch (ModelException e)
        {
            throw new EvaluationException($"Model '{model}' cannot be loaded: {e.Message} Run ./lfr models fetch.", e);
        }
    }
}
