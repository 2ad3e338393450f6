namespace OpenLfr.Vision.Simulation;

/// <summary>What <see cref="WalkPastSimulator.Run"/> wrote.</summary>
public sealed record SimulationResult(GroundTruth Truth, int Frames, string Codec, IReadOnlyList<string> WatchlistFolders);
