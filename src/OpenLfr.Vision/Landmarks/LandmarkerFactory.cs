using OpenLfr.Inference;
using OpenLfr.Inference.Models;

namespace OpenLfr.Vision.Landmarks;

/// <summary>The five-point landmarkers by name: "facemesh" (the default) and "faceapi68".</summary>
public static class LandmarkerFactory
{
    public const string Default = FaceMeshLandmarker.ModelName;

    public static IReadOnlyList<string> Names { get; } = [FaceMeshLandmarker.ModelName, "faceapi68"];

    public static IFaceLandmarker Load(string name, ModelStore? store = null, InferenceOptions? options = null) => name switch
    {
        FaceMeshLandmarker.ModelName => FaceMeshLandmarker.Load(store, options),
        "faceapi68" => FaceApi68Landmarker.Load(store, options),
        _ => throw new ArgumentException($"Unknown landmarker '{name}'. Known: {string.Join(", ", Names)}."),
    };
}
