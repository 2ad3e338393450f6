using OpenLfr.Vision.Detection;

namespace OpenLfr.Core.Live;

/// <summary>
/// Sees what a pipeline decides, for evaluation against ground truth (`lfr evaluate-live`): where each track is in
/// each frame and every watchlist search a track makes, whatever its score. Receives boxes, ids and scores only,
/// never embeddings or pixels, so an observer cannot leak biometrics of passers-by. Called on the pipeline's thread.
/// </summary>
public interface ILiveObserver
{
    /// <summary>A confirmed track's face in a frame (tentative tracks, which may be noise, are not reported).</summary>
    /// <param name="trackId">The id alerts would carry (the earlier track's when re-linked).</param>
    void FaceTracked(long trackId, BoxF box, double frameTime);

    /// <summary>A search of the track's pooled evidence: the best watchlist entry and its score, before any threshold.</summary>
    void Searched(long trackId, WatchlistHit hit, BoxF box, double frameTime, int samples);

    /// <summary>The appearance check split a track: its new face was only <paramref name="similarity"/> like its evidence.</summary>
    void Split(long oldTrackId, long newTrackId, float similarity, BoxF box, double frameTime);
}
