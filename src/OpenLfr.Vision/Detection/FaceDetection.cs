namespace OpenLfr.Vision.Detection;

/// <summary>A face found by a detector: its box in image pixels and the detector's confidence (0..1).</summary>
public readonly record struct FaceDetection(BoxF Box, float Score);
