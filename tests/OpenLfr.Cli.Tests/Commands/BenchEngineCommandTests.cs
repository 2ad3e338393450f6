using System.Text.Json;
using OpenLfr.Testing;

namespace OpenLfr.Cli.Tests.Commands;

public sealed class BenchEngineCommandTests
{
    [RequiresModelsFact("mobileface")]
    public void Bench_engine_writes_the_agreed_json_fields()
    {
        var file = Path.Combine(Path.GetTempPath(), $"openlfr-bench-{Guid.NewGuid():N}.json");
        try
        {
            var result = CliRunner.Run(["bench", "engine", "--model", "mobileface", "--threads", "1", "--batch", "1", "--json", file]);
            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var row = Assert.Single(doc.RootElement.EnumerateArray());
            Assert.Equal("mobileface", row.GetProperty("model").GetString());
            Assert.Equal("112x112", row.GetProperty("input").GetString());
            Assert.Equal(1, row.GetProperty("batch").GetInt32());
            Assert.Equal(1, row.GetProperty("threads").GetInt32());
            Assert.True(row.GetProperty("min_ms").GetDouble() > 0);
            Assert.True(row.GetProperty("median_ms").GetDouble() >= row.GetProperty("min_ms").GetDouble());
            Assert.True(row.GetProperty("gmacs").GetDouble() > 0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Bench_engine_rejects_an_unknown_model_and_lists_the_known_ones()
    {
        var result = CliRunner.Run(["bench", "engine", "--model", "nosuchnet"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("faceboxes", result.Stderr, StringComparison.Ordinal);
    }
}
