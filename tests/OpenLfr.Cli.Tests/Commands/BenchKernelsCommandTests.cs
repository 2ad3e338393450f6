using OpenLfr.Testing;

namespace OpenLfr.Cli.Tests.Commands;

public sealed class BenchKernelsCommandTests
{
    [Fact]
    public void Bench_kernels_prints_gmacs_for_the_selected_layers()
    {
        var result = CliRunner.Run(["bench", "kernels", "--filter", "matmul 1x", "--threads", "1", "--budget-ms", "20"]);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("FMA peak", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("matmul 1x512x1024", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("conv 1x1", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_kernels_rejects_an_unknown_isa()
    {
        var result = CliRunner.Run(["bench", "kernels", "--isa", "neon"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown --isa 'neon'", result.Stderr, StringComparison.Ordinal);
    }
}
