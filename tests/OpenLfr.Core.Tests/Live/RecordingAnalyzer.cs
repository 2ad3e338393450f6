using OpenLfr.Core.Live;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.Tests.Live;

/// <summary>
/// Wraps the real analyzer and keeps a reference to every embedding array it hands to the pipeline,
/// so a test can check afterwards that the pipeline zeroed them (and look for their bytes on disk).
/// </summary>
internal sealed class RecordingAnalyzer(ILiveFaceAnalyzer inner) : ILiveFaceAnalyzer
{
    public List<float[]> Handed { get; } = [];
    public List<float[]> Copies { get; } = [];

    public IReadOnlyList<LiveFace> Detect(RgbImage frame, RegionOfInterest roi) => inner.Detect(frame, roi);

    public IReadOnlyList<float[]> Embed(RgbImage frame, IReadOnlyList<LiveFace> faces)
    {
        var vectors = inner.Embed(frame, faces);
        foreach (var v in vectors)
        {
            Handed.Add(v);
            Copies.Add((float[])v.Clone());
        }
        return vectors;
    }

    public void Dispose() => inner.Dispose();
}
