namespace OpenLfr.Core.Evaluation.Embedding;

/// <summary>
/// The model names <c>lfr evaluate --model</c> accepts and the face pipeline behind each. Filled from the vision
/// pipeline (OpenLfr.Vision) as its embedders become available.
/// </summary>
public static class PipelineEmbedders
{
    /// <summary>The model evaluated when none is named; the recommended default once measured (docs/accuracy.md).</summary>
    public const string DefaultModel = "mobilefacenet";

    /// <summary>Model names the evaluation knows, whether or not the pipeline can run them yet.</summary>
    public static readonly IReadOnlyList<string> Known = ["mobilefacenet", "faceres", "faceres-deep", "faceapi-face_recognition", "mobileface"];

    public static IEvaluationEmbedder Create(string model)
    {
        if (!Known.Contains(model, StringComparer.Ordinal))
            throw new EvaluationException($"Unknown model '{model}'. Known: {string.Join(", ", Known)}; join two with '+' for score fusion.");
        throw new EvaluationException($"Model '{model}' cannot be evaluated yet: the face pipeline (detection, alignment, embedding in OpenLfr.Vision) does not provide it in this build.");
    }
}
