using System.Security.Cryptography;
using OpenLfr.Core.Enrolment;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Server.Tests.Infrastructure;

/// <summary>
/// TEST DOUBLE for the face pipeline port, used where the pipeline is not the subject of the test (the
/// lifecycle, storage, roles, retention and audit). It accepts JPEG/PNG files of at least
/// <see cref="MinimumBytes"/> bytes with a template derived from the file's SHA-256 (so the same file
/// enrolled twice is a perfect duplicate and different files are unrelated), and rejects smaller files
/// with a reason. Enrolment quality itself is tested against the real pipeline in OpenLfr.Vision.
/// </summary>
public sealed class TestFaceAnalyzer : IFaceEnrolmentAnalyzer
{
    public const int MinimumBytes = 2000;

    public string? UnavailableReason => null;

    public Task<FaceEnrolmentResult> AnalyzeAsync(ReadOnlyMemory<byte> encodedImage, CancellationToken ct)
    {
        if (encodedImage.Length < MinimumBytes)
            return Task.FromResult(FaceEnrolmentResult.Reject(0.1, "No face large enough was found (test double: file under 2000 bytes)."));
        var hash = SHA256.HashData(encodedImage.Span);
        var vector = new float[32];
        for (var i = 0; i < vector.Length; i++) vector[i] = hash[i] - 127.5f;
        return Task.FromResult(FaceEnrolmentResult.Accept(new FaceTemplate("test-double", "1", vector), 0.9));
    }
}
