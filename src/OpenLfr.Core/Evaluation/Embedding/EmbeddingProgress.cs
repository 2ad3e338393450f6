namespace OpenLfr.Core.Evaluation.Embedding;

/// <summary>Progress of embedding a dataset: <paramref name="Done"/> of <paramref name="Total"/> images, of which
/// <paramref name="FromCache"/> came from the cache.</summary>
public sealed record EmbeddingProgress(string EmbedderId, int Done, int Total, int FromCache);
