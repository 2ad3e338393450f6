namespace OpenLfr.Core.Live;

/// <summary>The best watchlist entry for a probe: subject, the image that scored, cosine similarity.</summary>
public sealed record WatchlistHit(string SubjectId, string ImageId, float Score);
