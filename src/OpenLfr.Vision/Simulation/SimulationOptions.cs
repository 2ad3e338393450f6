namespace OpenLfr.Vision.Simulation;

/// <summary>Settings of a walk-past video. The same options and seed give the same video and truth.</summary>
public sealed record SimulationOptions
{
    public required string Dataset { get; init; }
    public required string OutputVideo { get; init; }
    public required string TruthFile { get; init; }

    /// <summary>Where to write the watchlist (one sub-folder per watchlisted identity); null to skip.</summary>
    public string? WatchlistOutput { get; init; }

    public int People { get; init; } = 6;
    public int Watchlisted { get; init; } = 2;
    public int Width { get; init; } = 640;
    public int Height { get; init; } = 360;
    public int Fps { get; init; } = 10;
    public int Seed { get; init; } = 1;

    /// <summary>About how many people are in view at once.</summary>
    public int Concurrent { get; init; } = 2;

    /// <summary>How long each person is in view, in seconds (uniform between the two).</summary>
    public double MinVisibleSeconds { get; init; } = 3;
    public double MaxVisibleSeconds { get; init; } = 5;

    /// <summary>
    /// Options that write the simulation into one folder: <c>walk.mp4</c>, <c>truth.json</c> and the
    /// <c>watchlist</c> sub-folder (the layout the benchmarks and tests reuse).
    /// </summary>
    public static SimulationOptions InFolder(string folder, string dataset) => new()
    {
        Dataset = dataset,
        OutputVideo = Path.Combine(folder, "walk.mp4"),
        TruthFile = Path.Combine(folder, "truth.json"),
        WatchlistOutput = Path.Combine(folder, "watchlist"),
    };

    public void Validate()
    {
        if (People < 1) throw new ArgumentException($"--people {People} is invalid; use at least 1.");
        if (Watchlisted < 0 || Watchlisted > People) throw new ArgumentException($"--watchlisted {Watchlisted} is invalid; use 0..{People} (at most --people).");
        if (Width < 64 || Height < 64 || Width % 2 != 0 || Height % 2 != 0 || Width > 3840 || Height > 2160)
            throw new ArgumentException($"--size {Width}x{Height} is invalid; use even sizes from 64x64 to 3840x2160.");
        if (Fps < 1 || Fps > 60) throw new ArgumentException($"--fps {Fps} is invalid; use 1..60.");
        if (Concurrent < 1) throw new ArgumentException($"--concurrent {Concurrent} is invalid; use at least 1.");
        if (!(MinVisibleSeconds > 0 && MaxVisibleSeconds >= MinVisibleSeconds)) throw new ArgumentException("Visible seconds must be positive with min <= max.");
    }
}
