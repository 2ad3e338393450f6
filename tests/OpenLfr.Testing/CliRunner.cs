using System.Diagnostics;

namespace OpenLfr.Testing;

/// <summary>Runs the built <c>lfr</c> CLI (lfr.dll beside the test assembly) as a real subprocess.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <param name="environment">Extra environment variables (e.g. OPENLFR_MODELS).</param>
    /// <param name="timeout">Kill the process after this long (default 5 minutes).</param>
    public static Result Run(IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "lfr.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("lfr.dll is not beside the test assembly; reference OpenLfr.Cli from the test project.", dll);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lfr {string.Join(' ', args)} did not finish in time.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
