using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Quality;

namespace OpenLfr.Vision.Pipeline;

/// <summary>One face found in an image: where, how sure, its five points, its quality and (if asked) its template.</summary>
public sealed record AnalyzedFace(
    FaceDetection Detection,
    FaceLandmarks5 Landmarks,
    float LandmarkConfidence,
    FaceQuality Quality,
    FaceTemplate? Template);
