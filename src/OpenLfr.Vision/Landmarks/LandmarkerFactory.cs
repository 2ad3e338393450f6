using OpenLfr.Inference;
using OpenLfr.Inference.Models;

namespace OpenLfr.Vision.Landmarks;

/// <summary>
/// The five-point landmarkers by name. The default, face-api's 68-point net, was chosen by `lfr evaluate` on the whole
/// of LFW with the default embedder (docs/accuracy.md: FNIR at FPIR 0.001 0.687 against 0.715 with the face mesh).
/// </summary>
public static class LandmarkerFactory
{
    public const string Default = "faceapi68";

    public static IReadOnlyList<string> Names { get; } = [FaceMeshLandmarker.ModelName, "faceapi68"];

    public static IFaceLandmarker Load(string name, ModelStore? store = null, InferenceOptions? options = null) => name switch
    {
        FaceMeshLandmarker.ModelName => FaceMeshLandmarker.Load(store, options),
        "faceapi68" => FaceApi68Landmarker.Load(store, options),
        _ => throw new ArgumentException($"Unknown landmarker '{name}'. Known: {string.Join(", ", Names)}."),
    };
}
