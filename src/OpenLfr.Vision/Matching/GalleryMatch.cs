namespace OpenLfr.Vision.Matching;

/// <summary>One search result: the gallery entry's key and its cosine similarity to the probe.</summary>
public readonly record struct GalleryMatch<TKey>(TKey Key, float Score);
