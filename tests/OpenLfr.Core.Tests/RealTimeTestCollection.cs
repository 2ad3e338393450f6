namespace OpenLfr.Core.Tests;

/// <summary>
/// Tests that process a stream in real time (ffmpeg playing at its frame rate) run alone, after the others: beside
/// the CPU-heavy tests of this assembly (the LFW regression run keeps both cores busy) a 2-core machine cannot keep
/// up with the stream, and a test of the pipeline's decisions would fail on the machine's load instead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeTestCollection
{
    public const string Name = "Real-time stream tests";
}
