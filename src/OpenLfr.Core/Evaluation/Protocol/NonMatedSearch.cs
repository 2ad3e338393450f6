namespace OpenLfr.Core.Evaluation.Protocol;

/// <summary>One search of a person who is not on the list; <paramref name="Score"/> is the top similarity returned.</summary>
/// <param name="Identity">The probe's own identity (the bootstrap resamples by it).</param>
/// <param name="FromMatedProbe">True for a mated probe searched leave-one-out (its own identity's template left out).</param>
public sealed record NonMatedSearch(string Identity, string FileName, double Score, bool FromMatedProbe);
