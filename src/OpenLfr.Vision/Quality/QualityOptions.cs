namespace OpenLfr.Vision.Quality;

/// <summary>
/// Minimums a face must meet (enrolment uses them to reject; live matching to down-weight). Defaults suit
/// enrolment photos; a deployment may relax them for CCTV. Sizes are in source-image pixels.
/// </summary>
public sealed record QualityOptions
{
    /// <summary>Minimum face width (detector box), px.</summary>
    public float MinFaceWidth { get; init; } = 40;

    /// <summary>Minimum distance between the eye centres, px.</summary>
    public float MinInterEyeDistance { get; init; } = 20;

    /// <summary>Minimum detector confidence, 0..1.</summary>
    public float MinDetectorScore { get; init; } = 0.7f;

    /// <summary>Minimum variance of the Laplacian of the aligned 112 px grey crop (lower = blurrier).</summary>
    public float MinSharpness { get; init; } = 40;

    /// <summary>Acceptable mean brightness of the aligned crop, 0..255.</summary>
    public float MinBrightness { get; init; } = 40;
    public float MaxBrightness { get; init; } = 220;

    /// <summary>Minimum standard deviation of grey levels in the aligned crop.</summary>
    public float MinContrast { get; init; } = 20;

    /// <summary>Largest acceptable head turn left/right and up/down, degrees (estimated from landmarks).</summary>
    public float MaxYawDegrees { get; init; } = 35;
    public float MaxPitchDegrees { get; init; } = 30;

    /// <summary>Options for live CCTV: small and imperfect faces are still scored, only extreme ones rejected.</summary>
    public static QualityOptions Surveillance { get; } = new()
    {
        MinFaceWidth = 16,
        MinInterEyeDistance = 8,
        MinDetectorScore = 0.5f,
        MinSharpness = 10,
        MinContrast = 10,
        MaxYawDegrees = 45,
        MaxPitchDegrees = 40,
    };
}
