using System.CommandLine;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr bench ...</c>: speed measurements (benchmarks, not timed tests).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed: kernels (compute kernels per layer), engine (whole models), matcher (1:N search), pipeline (face pipeline images/s), live (simulated stream over loopback).");
        command.Subcommands.Add(BenchKernelsCommand.Create());
        command.Subcommands.Add(BenchEngineCommand.Create());
        command.Subcommands.Add(BenchMatcherCommand.Create());
        command.Subcommands.Add(BenchPipelineCommand.Create());
        command.Subcommands.Add(BenchLiveCommand.Create());
        return command;
    }
}
