namespace OpenLfr.Vision.Quality;

/// <summary>A named quality problem with a human-readable message, e.g. "face 31 px wide, minimum 40".</summary>
/// <param name="Code">Stable machine name: too-small, eyes-too-close, low-detector-score, blurry, too-dark, too-bright, low-contrast, turned-sideways, tilted-up-down.</param>
public sealed record QualityReason(string Code, string Message)
{
    public override string ToString() => Message;
}
