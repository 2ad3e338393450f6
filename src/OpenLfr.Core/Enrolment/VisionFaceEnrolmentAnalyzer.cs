using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Core.Enrolment;

/// <summary>
/// Enrolment over OpenLfr.Vision's <see cref="FaceAnalyzer"/>: decode, detect, landmark, quality gate,
/// embed. One subject per image: an image whose second face is nearly as large as the first is refused,
/// since it is unclear who is being enrolled. The models load on first use (a few seconds); the
/// analyzer is not thread-safe, so calls are serialised (enrolment is not a hot path).
/// </summary>
public sealed class VisionFaceEnrolmentAnalyzer : IFaceEnrolmentAnalyzer, IDisposable
{
    private readonly Lazy<(FaceAnalyzer? Analyzer, string? Error)> _analyzer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public VisionFaceEnrolmentAnalyzer(FaceAnalyzerOptions? options = null)
    {
        _analyzer = new Lazy<(FaceAnalyzer?, string?)>(() =>
        {
            try { return (FaceAnalyzer.Load(options), null); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (null, $"{e.Message} (run ./lfr models fetch)");
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string? UnavailableReason => _analyzer.Value.Error;

    public async Task<FaceEnrolmentResult> AnalyzeAsync(ReadOnlyMemory<byte> encodedImage, CancellationToken ct)
    {
        var (analyzer, error) = _analyzer.Value;
        if (analyzer is null) return FaceEnrolmentResult.Reject(null, "The face pipeline is not available: " + error);
        RgbImage image;
        try
        {
            image = ImageDecoder.Default.Decode(encodedImage.ToArray(), "upload");
        }
        catch (ImageDecodeException e)
        {
            return FaceEnrolmentResult.Invalid(e.Message);
        }
        await _gate.WaitAsync(ct);
        try
        {
            var faces = analyzer.Analyze(image);
            if (faces.Count == 0) return FaceEnrolmentResult.Reject(null, "No face was found; use a recent, frontal, well-lit image of the subject.");
            var ordered = faces.OrderByDescending(f => f.Detection.Box.Area).ToList();
            var primary = ordered[0];
            // A second face large enough to be the subject by PrimaryFaceRule makes it unclear who is being enrolled.
            if (ordered.Count > 1 && ordered[1].Detection.Box.Area > PrimaryFaceRule.MinAreaShareOfLargest * primary.Detection.Box.Area)
                return FaceEnrolmentResult.Reject(primary.Quality.Score, $"{ordered.Count} faces of similar size were found; an enrolment image must show the subject alone.");
            if (!primary.Quality.IsAcceptable)
                return FaceEnrolmentResult.Reject(primary.Quality.Score, primary.Quality.Reasons.Select(r => $"Quality: {r.Message}.").ToArray());
            if (primary.Template is null) return FaceEnrolmentResult.Reject(primary.Quality.Score, "No embedder is configured, so no template could be made.");
            return FaceEnrolmentResult.Accept(primary.Template, primary.Quality.Score);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_analyzer.IsValueCreated) _analyzer.Value.Analyzer?.Dispose();
        _gate.Dispose();
    }
}
