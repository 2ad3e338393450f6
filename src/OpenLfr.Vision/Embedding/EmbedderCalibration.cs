namespace OpenLfr.Vision.Embedding;

/// <summary>
/// Where an embedder's similarity thresholds sit: the cosine at which `lfr evaluate` measured a false positive
/// identification rate (FPIR) of 1 in 100, 1 in 1,000 and 1 in 10,000 on <see cref="Source"/>. A threshold means
/// nothing without its embedder, so deployments and policy speak in FPIR and look the threshold up here.
/// </summary>
public sealed record EmbedderCalibration(float AtFpir1In100, float AtFpir1In1000, float AtFpir1In10000, string Source)
{
    /// <summary>The FPIRs with a measured threshold, highest first.</summary>
    public static IReadOnlyList<double> CalibratedFpirs { get; } = [0.01, 0.001, 0.0001];

    /// <summary>
    /// The threshold whose measured FPIR is at most <paramref name="fpir"/>: the calibrated point at or below it
    /// (conservative between points).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The FPIR is below 1 in 10,000 (not calibrated) or not in (0, 1].</exception>
    public float ThresholdFor(double fpir)
    {
        if (double.IsNaN(fpir) || fpir <= 0 || fpir > 1)
            throw new ArgumentOutOfRangeException(nameof(fpir), fpir, "A false positive identification rate must be in (0, 1].");
        if (fpir >= 0.01) return AtFpir1In100;
        if (fpir >= 0.001) return AtFpir1In1000;
        if (fpir >= 0.0001) return AtFpir1In10000;
        throw new ArgumentOutOfRangeException(nameof(fpir), fpir,
            $"No threshold is calibrated below FPIR 0.0001 ({Source}); choose 0.0001 or higher.");
    }

    /// <summary>The lowest calibrated FPIR whose threshold is at or below <paramref name="threshold"/>, or null if none is.</summary>
    public double? ExpectedFpirAt(float threshold) =>
        threshold >= AtFpir1In10000 ? 0.0001 : threshold >= AtFpir1In1000 ? 0.001 : threshold >= AtFpir1In100 ? 0.01 : null;
}
