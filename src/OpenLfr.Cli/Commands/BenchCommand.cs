using System.CommandLine;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr bench ...</c>: speed measurements (benchmarks, not timed tests).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed: kernels (compute kernels per layer), matcher (1:N search).");
        command.Subcommands.Add(BenchKernelsCommand.Create());
        command.Subcommands.Add(BenchMatcherCommand.Create());
        return command;
    }
}
