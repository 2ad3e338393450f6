using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Detection;

/// <summary>Finds faces in an image. Implementations are not thread-safe unless they say so: one per worker.</summary>
public interface IFaceDetector : IDisposable
{
    string Name { get; }

    /// <summary>Faces with boxes in image pixels, best first.</summary>
    IReadOnlyList<FaceDetection> Detect(RgbImage image, FaceDetectorOptions? options = null);
}
