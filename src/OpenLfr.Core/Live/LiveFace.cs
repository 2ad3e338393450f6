using OpenLfr.Vision.Detection;

namespace OpenLfr.Core.Live;

/// <summary>
/// A face found in a live frame. <paramref name="Quality"/> (0..1, higher is better) ranks a track's
/// frames so that only the best few are embedded. <paramref name="Landmarks"/> feed alignment when the
/// analyzer provides them.
/// </summary>
public readonly record struct LiveFace(BoxF Box, float Score, float Quality, FaceLandmarks5? Landmarks = null);
