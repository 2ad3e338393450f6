namespace OpenLfr.Core.Tests;

/// <summary>
/// Tests that process a stream in real time (ffmpeg playing at its frame rate), and the LFW regression run that keeps
/// both cores busy for a minute, run alone, after the others: side by side on a 2-core machine the stream cannot be
/// kept up with and timing-sensitive tests starve, so tests would fail on the machine's load instead of the code.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeTestCollection
{
    public const string Name = "Real-time stream tests";
}
