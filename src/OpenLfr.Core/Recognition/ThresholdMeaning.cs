using System.Globalization;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Recognition;

/// <summary>
/// Puts a similarity threshold into words a person understands: the false alert rate measured at it for its
/// embedder, e.g. "0.9537: about 1 false alert in 1,000 faces searched, measured on LFW ...".
/// </summary>
public static class ThresholdMeaning
{
    /// <summary>"1,000" for 0.001.</summary>
    public static string Per(double fpir) => Math.Round(1 / fpir).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"about 1 false alert in 1,000 faces searched" for 0.001.</summary>
    public static string Rate(double fpir) => $"about 1 false alert in {Per(fpir)} faces searched";

    /// <summary>
    /// The rate at the size of the watchlist the embedder was evaluated on (e.g. LFW's 1,680 templates), said in so many
    /// words: a rate without its watchlist size would read as if it held for any watchlist.
    /// </summary>
    public static string Describe(EmbedderSpec spec, double threshold) => Describe(spec, threshold, spec.Calibration.GallerySize);

    /// <summary>
    /// "0.9655: about 1 false alert in 1,000 faces searched with a watchlist of 1,680 templates (embedder faceapi, ...)":
    /// the rate measured at this threshold for a watchlist of that size (thresholds rise with the watchlist's size).
    /// </summary>
    public static string Describe(EmbedderSpec spec, double threshold, int watchlistSize) =>
        $"{Number(threshold)}: {RateAt(spec, threshold, watchlistSize)} (embedder {spec.Id}, measured on {spec.Calibration.Source})";

    /// <summary>"about 1 false alert in 1,000 faces searched with a watchlist of 20 templates".</summary>
    public static string RateAt(EmbedderSpec spec, double threshold, int watchlistSize)
    {
        var size = Math.Max(watchlistSize, 1);
        var entries = $"a watchlist of {size.ToString("N0", CultureInfo.InvariantCulture)} template{(size == 1 ? "" : "s")}";
        return spec.Calibration.ExpectedFpirAt((float)threshold, size) is { } f
            ? $"{Rate(f)} with {entries}"
            : $"more than 1 false alert in 100 faces searched with {entries}, or not measured for a watchlist this large";
    }

    /// <summary>Up to four decimals, invariant: 0.9537, 0.6.</summary>
    public static string Number(double threshold) => threshold.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The description for a recorded embedder id, or the bare threshold when the id is unknown (e.g. rows from before embedders were recorded).</summary>
    public static string Describe(string? embedderId, double threshold) =>
        EmbedderSpec.All.FirstOrDefault(s => s.Id == embedderId) is { } spec
            ? Describe(spec, threshold)
            : Number(threshold) + ": embedder not recorded, so its false alert rate is unknown";
}
