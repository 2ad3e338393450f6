namespace OpenLfr.Core.Live;

/// <summary>Defaults of live identification, chosen by measurement (see docs/benchmarks.md, "Live video").</summary>
public static class LiveDefaults
{
    public const string Embedder = "mobileface";

    /// <summary>Cosine similarity of pooled track evidence to a watchlist photo for a possible match.</summary>
    public const float Threshold = 0.35f;
}
