using OpenLfr.Vision.Detection;

namespace OpenLfr.Vision.Landmarks;

/// <summary>Landmarks of one face in image pixels, with the landmark model's own face confidence (0..1).</summary>
public sealed record FaceLandmarkResult(FaceLandmarks5 Points, float Confidence);
