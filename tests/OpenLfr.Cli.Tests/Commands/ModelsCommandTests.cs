using OpenLfr.Testing;

namespace OpenLfr.Cli.Tests.Commands;

public sealed class ModelsCommandTests
{
    [Fact]
    public void Help_lists_the_commands()
    {
        var result = CliRunner.Run(["--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("models", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_a_version()
    {
        var result = CliRunner.Run(["--version"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }

    [RequiresModelsFact("faceboxes", "mobilefacenet", "faceres", "faceapi-face_recognition")]
    public void Verify_reports_every_model_present_with_matching_checksum()
    {
        var result = CliRunner.Run(["models", "verify"]);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("All 22 model files verified", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_naming_the_missing_file_in_an_empty_store()
    {
        var dir = Directory.CreateTempSubdirectory("openlfr-cli-models-");
        try
        {
            var result = CliRunner.Run(["models", "verify", "mobileface"], new Dictionary<string, string> { ["OPENLFR_MODELS"] = dir.FullName });
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("mobileface.bin", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("./lfr models fetch", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
