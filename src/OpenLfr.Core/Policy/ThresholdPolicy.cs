using Microsoft.Extensions.Options;
using OpenLfr.Core.Live;
using OpenLfr.Core.Recognition;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Policy;

/// <summary>
/// The policy's false alert rate (<see cref="PolicyOptions.MaximumFalseAlertRate"/>, FPIR per face searched) turned
/// into thresholds of the server's embedder. The FPIR of a threshold grows with the watchlist's size (more entries,
/// more chances a passer-by resembles one; docs/accuracy.md "Thresholds by watchlist size"), so the minimum depends on
/// the watchlist: <see cref="MinimumFor(int)"/> is the threshold calibrated at the policy's rate for that many templates.
/// A deployment's threshold is checked against it when created, and camera workers apply
/// <see cref="AppliedThreshold"/> (never below the minimum for the watchlist as it is now), so a watchlist that grows
/// after authorisation never runs above the policy's rate.
/// </summary>
public sealed class ThresholdPolicy(IOptions<PolicyOptions> policy, IOptions<RecognitionOptions> recognition)
{
    /// <summary>The FPIR a deployment's default threshold is calibrated at (unless the policy is stricter).</summary>
    public const double DefaultFpir = 0.001;

    public EmbedderSpec Embedder => recognition.Value.Spec;

    public double MaximumFalseAlertRate => policy.Value.MaximumFalseAlertRate;

    /// <summary>The minimum for a watchlist the size of the one the embedder was evaluated on (1,680 on LFW).</summary>
    public double Minimum => MinimumFor(Embedder.Calibration.GallerySize);

    /// <summary>
    /// The threshold offered when none is chosen: the embedder's at FPIR 1 in 1,000 for a watchlist the size of the one it
    /// was evaluated on, raised to the policy minimum. Kept at that size on purpose: it is conservative for any smaller
    /// watchlist, and an operator may go down to <see cref="MinimumFor(int)"/> for the watchlist's actual size.
    /// </summary>
    public double Default
    {
        get
        {
            var reference = Embedder.Calibration.GallerySize;
            return Math.Max(Round(Embedder.Calibration.ThresholdFor(DefaultFpir, reference)), MinimumFor(reference));
        }
    }

    /// <summary>
    /// The lowest threshold the policy allows for a watchlist of <paramref name="watchlistSize"/> templates (an empty
    /// one counts as 1): the embedder's threshold at the policy's FPIR for that size.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No threshold is measured at the policy's rate for a watchlist that large.</exception>
    public double MinimumFor(int watchlistSize) => MinimumFor(Embedder, watchlistSize);

    /// <inheritdoc cref="MinimumFor(int)"/>
    public double MinimumFor(EmbedderSpec embedder, int watchlistSize) =>
        Round(embedder.Calibration.ThresholdFor(MaximumFalseAlertRate, Math.Max(watchlistSize, 1)));

    /// <summary>The threshold a deployment gets when none is chosen, for a watchlist of that size: <see cref="Default"/>, raised to the minimum for the size.</summary>
    public double DefaultFor(int watchlistSize) => Math.Max(Default, MinimumFor(watchlistSize));

    /// <summary>
    /// The single-image threshold a deployment actually runs at with a watchlist of <paramref name="watchlistSize"/>
    /// templates: its own, or the policy minimum for that size if the watchlist has grown past what its threshold
    /// covers. <paramref name="embedderId"/> is the deployment's recorded embedder (empty: the server's).
    /// </summary>
    public double AppliedThreshold(string? embedderId, double deploymentThreshold, int watchlistSize)
    {
        var spec = string.IsNullOrEmpty(embedderId) ? Embedder : EmbedderSpec.Get(embedderId);
        return Math.Max(deploymentThreshold, MinimumFor(spec, watchlistSize));
    }

    /// <summary>
    /// The threshold live alerts are raised and checked against: <see cref="AppliedThreshold"/> with the embedder's
    /// pooled-evidence adjustment (<see cref="LiveDefaults.AlertThreshold"/>). The camera workers raise alerts at it, the
    /// server refuses alerts below it, and each alert records it.
    /// </summary>
    public double AlertThreshold(string? embedderId, double deploymentThreshold, int watchlistSize) =>
        LiveDefaults.AlertThreshold(embedderId, AppliedThreshold(embedderId, deploymentThreshold, watchlistSize));

    /// <summary>Similarity that flags a likely duplicate subject: the policy's setting, else the embedder's threshold at FPIR 1 in 100.</summary>
    public double DuplicateSimilarity => policy.Value.DuplicateSimilarity ?? Round(Embedder.Calibration.AtFpir1In100);

    public string Describe(double threshold) => ThresholdMeaning.Describe(Embedder, threshold);

    /// <summary>The threshold in words for a watchlist of <paramref name="watchlistSize"/> templates.</summary>
    public string Describe(double threshold, int watchlistSize) => ThresholdMeaning.Describe(Embedder, threshold, watchlistSize);

    /// <summary>
    /// Calibrated thresholds are floats; their shortest decimal (0.9537f -> 0.9537, not 0.95370000600814819) is what
    /// people read and type, and converts back to the same float, so the expected FPIR at it is the calibrated one.
    /// </summary>
    private static double Round(float v) => (double)(decimal)v;
}
