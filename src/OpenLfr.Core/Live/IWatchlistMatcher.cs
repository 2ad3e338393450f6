namespace OpenLfr.Core.Live;

/// <summary>1:N search of a deployment's watchlist. Thread-safe.</summary>
public interface IWatchlistMatcher
{
    /// <summary>The best entry for a unit-length probe, or null when the watchlist is empty.</summary>
    WatchlistHit? Best(float[] probe);
}
