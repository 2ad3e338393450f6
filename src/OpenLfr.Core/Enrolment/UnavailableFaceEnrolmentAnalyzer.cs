namespace OpenLfr.Core.Enrolment;

/// <summary>
/// Used when no face pipeline is configured: every image is rejected with the reason, and /healthz
/// reports it. Never accepts anything, so no template is stored that the real pipeline did not make.
/// </summary>
public sealed class UnavailableFaceEnrolmentAnalyzer(string reason) : IFaceEnrolmentAnalyzer
{
    public string? UnavailableReason { get; } = reason;

    public Task<FaceEnrolmentResult> AnalyzeAsync(ReadOnlyMemory<byte> encodedImage, CancellationToken ct) =>
        Task.FromResult(FaceEnrolmentResult.Reject(null, $"The face pipeline is not available: {UnavailableReason}"));
}
