namespace OpenLfr.Core.Evaluation.Dataset;

/// <summary>One identity (folder) of a dataset with its images sorted by file name (ordinal).</summary>
public sealed record DatasetIdentity(string Name, IReadOnlyList<DatasetImage> Images);
