namespace OpenLfr.Server.OperatorConsole.Queries;

/// <summary>The accuracy and equitability figures of the latest `lfr evaluate --json` report, for the public page.</summary>
public sealed record EvaluationSummary(
    string Source, DateTime WrittenUtc, string Dataset, string Model, int Gallery, int Mated, int NonMated, double? RankOne,
    IReadOnlyList<EvaluationPoint> Points, double? OperatingFpir, double? OperatingThreshold,
    IReadOnlyList<EvaluationGroup> Groups, double? FpirRatio, double? FnirRatio, IReadOnlyList<WatchlistSizePoint> BySize);

public sealed record EvaluationPoint(string TargetFpir, double? Threshold, double? Fnir, double? Fpir, bool Resolved);

public sealed record EvaluationGroup(string Group, double? Fpir, double? Fnir, int Mated, int NonMated);

/// <summary>
/// The threshold and misses at FPIR 1 in 1,000 for a watchlist of <paramref name="Size"/> entries (`thresholds_by_gallery_size`):
/// measured up to the test watchlist's size, <paramref name="Extrapolated"/> beyond it; unresolved sizes have no threshold.
/// </summary>
public sealed record WatchlistSizePoint(int Size, bool Extrapolated, double? Threshold, double? Fnir);
