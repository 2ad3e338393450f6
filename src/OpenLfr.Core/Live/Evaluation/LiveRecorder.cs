using OpenLfr.Vision.Detection;

namespace OpenLfr.Core.Live.Evaluation;

/// <summary>An observer that keeps what a pipeline did (boxes, ids, scores; no biometrics) for scoring afterwards.</summary>
public sealed class LiveRecorder : ILiveObserver
{
    public List<TrackedFace> Faces { get; } = [];
    public List<TrackSearch> Searches { get; } = [];

    public List<TrackSplit> Splits { get; } = [];

    public void Split(long oldTrackId, long newTrackId, float similarity, BoxF box, double frameTime) =>
        Splits.Add(new TrackSplit(oldTrackId, newTrackId, similarity, box, frameTime));

    public void FaceTracked(long trackId, BoxF box, double frameTime) => Faces.Add(new TrackedFace(trackId, box, frameTime));

    public void Searched(long trackId, WatchlistHit hit, BoxF box, double frameTime, int samples) =>
        Searches.Add(new TrackSearch(trackId, hit.SubjectId, hit.Score, box, frameTime, samples));
}

/// <summary>A track's face in one frame.</summary>
public readonly record struct TrackedFace(long TrackId, BoxF Box, double FrameTime);

/// <summary>One search of a track's evidence: its best watchlist subject and score, on the face at that frame.</summary>
public readonly record struct TrackSearch(long TrackId, string SubjectId, float Score, BoxF Box, double FrameTime, int Samples);

/// <summary>A track split by the appearance check, with the similarity that caused it.</summary>
public readonly record struct TrackSplit(long OldTrackId, long NewTrackId, float Similarity, BoxF Box, double FrameTime);
