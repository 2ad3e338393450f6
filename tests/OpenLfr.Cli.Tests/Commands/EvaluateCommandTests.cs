using OpenLfr.Testing;

namespace OpenLfr.Cli.Tests.Commands;

public sealed class EvaluateCommandTests
{
    [Fact]
    public void Help_describes_the_protocol_options()
    {
        var result = CliRunner.Run(["evaluate", "--help"]);
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--dataset", "--labels", "--model", "--limit-identities", "--out", "--json" })
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_dataset_folder_exits_2_naming_it()
    {
        var result = CliRunner.Run(["evaluate", "--dataset", "/no/such/lfw"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/lfw", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_model_exits_2_listing_the_known_ones()
    {
        var dir = Directory.CreateTempSubdirectory("openlfr-cli-eval-");
        try
        {
            foreach (var f in new[] { "a/a1.jpg", "a/a2.jpg" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir.FullName, f))!);
                File.WriteAllBytes(Path.Combine(dir.FullName, f), [1]);
            }
            var result = CliRunner.Run(["evaluate", "--dataset", dir.FullName, "--model", "nosuchnet", "--no-cache"]);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("Unknown model 'nosuchnet'", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("mobilefacenet", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
