using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Landmarks;

/// <summary>Locates the five standard points of detected faces. Not thread-safe: one per worker.</summary>
public interface IFaceLandmarker : IDisposable
{
    string Name { get; }

    /// <summary>One result per box, in order; all faces of a frame run as one batch.</summary>
    IReadOnlyList<FaceLandmarkResult> Locate(RgbImage image, IReadOnlyList<BoxF> faces);
}
