using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Enrolment;

/// <summary>The verdict on one enrolment image.</summary>
/// <param name="Template">The face template when accepted; null when rejected.</param>
/// <param name="Quality">The quality score the gate computed (0..1), when a face was found.</param>
/// <param name="Reasons">Why it was rejected (empty when accepted); each says what to fix.</param>
public sealed record FaceEnrolmentResult(FaceTemplate? Template, double? Quality, IReadOnlyList<string> Reasons)
{
    public bool Accepted => Template is not null;

    /// <summary>The file is not a readable image at all (corrupt, truncated): the upload is refused, not the face.</summary>
    public bool InvalidImage { get; init; }

    public static FaceEnrolmentResult Invalid(string reason) => new(null, null, [reason]) { InvalidImage = true };

    public static FaceEnrolmentResult Accept(FaceTemplate template, double quality) => new(template, quality, []);

    public static FaceEnrolmentResult Reject(double? quality, params string[] reasons) => new(null, quality, reasons);
}
