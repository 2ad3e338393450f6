namespace OpenLfr.Core.Evaluation.GallerySize;

/// <summary>The threshold for one target FPIR at one watchlist size, and what it costs in missed listed people.</summary>
/// <param name="Threshold">The smallest threshold whose FPIR at this size is at most the target.</param>
/// <param name="Fpir">The FPIR reached at <paramref name="Threshold"/>.</param>
/// <param name="Fnir">FNIR at <paramref name="Threshold"/> for watchlists of this size that include the searched person.</param>
/// <param name="Resolved">False when the data are too few to measure the target at this size (see <see cref="GallerySizeEstimator.IsResolved"/>).</param>
/// <param name="Extrapolated">True beyond the evaluation's gallery, where the FPIR comes from the independence model.</param>
/// <param name="ModelThreshold">The independence model's threshold at the same size and target; equal to
/// <paramref name="Threshold"/> when extrapolated, a check of the model at the measured sizes.</param>
public sealed record GallerySizePoint(
    int GallerySize, double TargetFpir, double Threshold, double Fpir, double Fnir, bool Resolved, bool Extrapolated, double ModelThreshold);
