namespace OpenLfr.Core.Enrolment;

/// <summary>
/// The face pipeline as enrolment needs it: one encoded image in, either an accepted face template or the
/// reasons it was rejected (no face, several faces, too small, blurred, ...). Implementations must be
/// thread-safe. The real one is <c>VisionFaceEnrolmentAnalyzer</c> over OpenLfr.Vision.
/// </summary>
public interface IFaceEnrolmentAnalyzer
{
    /// <summary>Null when ready; otherwise why enrolment cannot run (e.g. models missing), for /healthz.</summary>
    string? UnavailableReason { get; }

    /// <param name="encodedImage">A JPEG or PNG file's bytes.</param>
    Task<FaceEnrolmentResult> AnalyzeAsync(ReadOnlyMemory<byte> encodedImage, CancellationToken ct);
}
