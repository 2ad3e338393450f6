using OpenLfr.Inference;
using OpenLfr.Inference.FaceApi;

namespace OpenLfr.Inference.Tests.Parity;

/// <summary>face-api networks rebuilt in code against @vladmandic/face-api 1.7.15 on TensorFlow.js (cpu).</summary>
public sealed class FaceApiParityTests
{
    [RequiresTfjsFact("faceapi-face_recognition")]
    public void Recognition_descriptors_match_face_api_at_batch_2()
    {
        var path = OpenLfr.Testing.Models.Store.Require("faceapi-face_recognition");
        using var net = FaceApiRecognitionNet.Load(path, new InferenceOptions { Threads = 2 });
        var input = TfjsReference.RandomInput([2, 150, 150, 3], seed: 7, integers: true);
        var reference = TfjsReference.Compute("faceapi-recognition", path, "input", input, ["descriptor"]);
        // 29 layers on uint8 weights with noise input: summation order alone (checked with the scale fold disabled)
        // moves single components by ~7e-4 of the largest, while the direction (what matching uses) agrees to 1e-6.
        ParityAssert.Close(reference[0], net.Run(input), "face_recognition descriptor", relativeTolerance: 2e-3f, minCosinePerRow: 0.99999);
    }

    [RequiresTfjsFact("faceapi-face_landmark_68")]
    public void Landmark68_points_match_face_api_at_batch_2()
    {
        var path = OpenLfr.Testing.Models.Store.Require("faceapi-face_landmark_68");
        using var net = FaceApiLandmark68Net.Load(path, new InferenceOptions { Threads = 2 });
        var input = TfjsReference.RandomInput([2, 112, 112, 3], seed: 8, integers: true);
        var reference = TfjsReference.Compute("faceapi-landmark68", path, "input", input, ["landmarks"]);
        ParityAssert.Close(reference[0], net.Run(input), "face_landmark_68 points");
    }
}
