namespace OpenLfr.Vision.Embedding;

/// <summary>
/// The thresholds `lfr evaluate` measured for watchlists of <see cref="GallerySize"/> entries at FPIR 1 in 100, 1,000
/// and 10,000 (docs/accuracy.md, "Thresholds by watchlist size"); null where the data could not resolve that FPIR at
/// that size. Rounded up to 4 decimals, so the rounding never lowers a threshold.
/// </summary>
public sealed record GallerySizeThreshold(int GallerySize, float? AtFpir1In100, float? AtFpir1In1000, float? AtFpir1In10000)
{
    /// <summary>The threshold at one of <see cref="EmbedderCalibration.CalibratedFpirs"/>, or null if not resolved.</summary>
    public float? At(double calibratedFpir) => calibratedFpir switch
    {
        0.01 => AtFpir1In100,
        0.001 => AtFpir1In1000,
        0.0001 => AtFpir1In10000,
        _ => throw new ArgumentOutOfRangeException(nameof(calibratedFpir), calibratedFpir, "Not a calibrated FPIR (0.01, 0.001, 0.0001)."),
    };
}
