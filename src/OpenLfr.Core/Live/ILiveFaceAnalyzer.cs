using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.Live;

/// <summary>
/// The face analysis the live pipeline needs, per camera (not thread-safe: one per pipeline).
/// Implemented over the Vision detector, landmarker and embedder.
/// </summary>
public interface ILiveFaceAnalyzer : IDisposable
{
    /// <summary>Faces whose centre lies in <paramref name="roi"/>, boxes in frame pixels.</summary>
    IReadOnlyList<LiveFace> Detect(RgbImage frame, RegionOfInterest roi);

    /// <summary>
    /// L2-normalised embeddings of <paramref name="faces"/> of one frame, in one batch, same order.
    /// The caller owns the returned arrays and clears them when no longer needed.
    /// </summary>
    IReadOnlyList<float[]> Embed(RgbImage frame, IReadOnlyList<LiveFace> faces);
}
