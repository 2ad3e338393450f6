namespace OpenLfr.Vision.Quality;

/// <summary>
/// A face's quality: the measurements, a combined score (0..1, 1 = ideal) and the reasons it falls
/// short of the configured minimums. <see cref="IsAcceptable"/> is true when there are no reasons.
/// </summary>
public sealed record FaceQuality(
    float Score,
    IReadOnlyList<QualityReason> Reasons,
    float FaceWidth,
    float InterEyeDistance,
    float DetectorScore,
    float Sharpness,
    float Brightness,
    float Contrast,
    float YawDegrees,
    float PitchDegrees,
    float RollDegrees)
{
    public bool IsAcceptable => Reasons.Count == 0;
}
