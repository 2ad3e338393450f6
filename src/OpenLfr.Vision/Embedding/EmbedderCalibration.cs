namespace OpenLfr.Vision.Embedding;

/// <summary>
/// Where an embedder's similarity thresholds sit: the cosine at which `lfr evaluate` measured a false positive
/// identification rate (FPIR) of 1 in 100, 1,000 and 10,000 on <see cref="Source"/>, whose watchlist had
/// <see cref="GallerySize"/> entries. A threshold means nothing without its embedder, so deployments and policy speak
/// in FPIR and look the threshold up here.
/// <para>
/// The FPIR of a threshold grows with the watchlist's size (more entries, more chances that a passer-by resembles one),
/// so the lookup that matters takes the size: <see cref="ThresholdFor(double, int)"/> reads <see cref="BySize"/>, the
/// thresholds measured per size. An embedder without that table has only the fixed figures, which hold for watchlists
/// up to <see cref="GallerySize"/> (conservatively: smaller ones could use lower thresholds) and for nothing larger.
/// </para>
/// </summary>
public sealed record EmbedderCalibration(float AtFpir1In100, float AtFpir1In1000, float AtFpir1In10000, string Source)
{
    /// <summary>The FPIRs with a measured threshold, highest first.</summary>
    public static IReadOnlyList<double> CalibratedFpirs { get; } = [0.01, 0.001, 0.0001];

    /// <summary>Watchlist entries of the evaluation behind the fixed figures: whole LFW under eval-protocol.md has 1,680.</summary>
    public int GallerySize { get; init; } = 1680;

    /// <summary>Thresholds measured per watchlist size, ascending by size; null when only the fixed figures were measured.</summary>
    public IReadOnlyList<GallerySizeThreshold>? BySize { get; init; }

    /// <summary>
    /// The threshold whose measured FPIR is at most <paramref name="fpir"/> for a watchlist of
    /// <paramref name="gallerySize"/> entries (templates: each is one more chance of a false match). Conservative in
    /// both directions: the calibrated FPIR at or below the one asked, and the threshold of the nearest measured size
    /// at or above the one asked (thresholds rise with size, concavely in log N, so interpolating between two sizes
    /// would undershoot), never below that of any smaller measured size.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The FPIR is not in (0, 1] or below 1 in 10,000 (not calibrated), the
    /// size is below 1, or no threshold was measured for that FPIR at that size or larger.</exception>
    public float ThresholdFor(double fpir, int gallerySize)
    {
        var level = CalibratedAtOrBelow(fpir);
        if (gallerySize < 1)
            throw new ArgumentOutOfRangeException(nameof(gallerySize), gallerySize, "A watchlist has at least one entry.");
        if (BySize is null)
        {
            if (gallerySize <= GallerySize) return Fixed(level);
            throw new ArgumentOutOfRangeException(nameof(gallerySize), gallerySize,
                $"Thresholds are measured for watchlists of up to {GallerySize:N0} entries ({Source}); a watchlist of {gallerySize:N0} would " +
                $"raise false alerts more often than FPIR {level} promises. Split the watchlist, or measure this embedder by watchlist size (`lfr evaluate`).");
        }
        var envelope = float.NegativeInfinity;
        foreach (var row in BySize)
        {
            if (row.At(level) is not { } t) continue;
            envelope = Math.Max(envelope, t);
            if (row.GallerySize >= gallerySize) return envelope;
        }
        var largest = BySize.Where(r => r.At(level) is not null).Select(r => r.GallerySize).DefaultIfEmpty(0).Max();
        throw new ArgumentOutOfRangeException(nameof(gallerySize), gallerySize,
            $"No threshold is measured at FPIR {level} for watchlists of {gallerySize:N0} entries ({Source}; the largest resolved is {largest:N0}): " +
            "too few searches to tell. Choose a higher false alert rate, or a smaller watchlist.");
    }

    /// <summary>
    /// The lowest calibrated FPIR whose threshold for a watchlist of <paramref name="gallerySize"/> is at or below
    /// <paramref name="threshold"/>, or null if none is (or none is measured at that size).
    /// </summary>
    public double? ExpectedFpirAt(float threshold, int gallerySize)
    {
        double? best = null;
        foreach (var level in CalibratedFpirs)
        {
            float at;
            try { at = ThresholdFor(level, gallerySize); }
            catch (ArgumentOutOfRangeException) { continue; }
            if (threshold >= at) best = level;
        }
        return best;
    }

    private static double CalibratedAtOrBelow(double fpir)
    {
        if (double.IsNaN(fpir) || fpir <= 0 || fpir > 1)
            throw new ArgumentOutOfRangeException(nameof(fpir), fpir, "A false positive identification rate must be in (0, 1].");
        foreach (var level in CalibratedFpirs)
            if (fpir >= level) return level;
        throw new ArgumentOutOfRangeException(nameof(fpir), fpir, "No threshold is calibrated below FPIR 0.0001; choose 0.0001 or higher.");
    }

    private float Fixed(double level) => level switch { 0.01 => AtFpir1In100, 0.001 => AtFpir1In1000, _ => AtFpir1In10000 };
}
