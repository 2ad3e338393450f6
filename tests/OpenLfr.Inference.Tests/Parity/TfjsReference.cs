using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenLfr.Inference;
using OpenLfr.Testing;

namespace OpenLfr.Inference.Tests.Parity;

/// <summary>
/// Reference outputs from TensorFlow.js (cpu backend) computed by tools/tfjs-parity/parity.js. Installs the pinned
/// npm packages on first use; caches results under ~/.cache/openlfr/parity keyed by model, input, outputs and script,
/// so repeated test runs do not start Node.
/// </summary>
internal static class TfjsReference
{
    public static string ToolDirectory { get; } = Path.Combine(SharedData.RepoRoot, "tools", "tfjs-parity");

    /// <summary>Why parity tests cannot run here (no node/npm outside CI), or null.</summary>
    public static string? SkipReason { get; } = FindSkipReason();

    private static readonly object InstallLock = new();

    private static string? FindSkipReason()
    {
        if (SharedData.InCi) return null;
        return OnPath("node") && OnPath("npm") ? null : "needs Node.js and npm on PATH for TensorFlow.js reference outputs";
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));

    /// <summary>Deterministic pseudo-random input in [low, high).</summary>
    public static Tensor RandomInput(int[] shape, int seed, float low = 0, float high = 255, bool integers = false)
    {
        var random = new Random(seed);
        var t = new Tensor(shape);
        for (var i = 0; i < t.Data.Length; i++)
        {
            var v = low + (float)random.NextDouble() * (high - low);
            t.Data[i] = integers ? MathF.Floor(v) : v;
        }
        return t;
    }

    public static IReadOnlyList<Tensor> Compute(string kind, string modelPath, string inputName, Tensor input, IReadOnlyList<string> outputs, bool intInput = false)
    {
        var inputBytes = new byte[input.Data.Length * 4];
        System.Buffer.BlockCopy(input.Data, 0, inputBytes, 0, inputBytes.Length);
        var script = File.ReadAllBytes(Path.Combine(ToolDirectory, "parity.js"));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(File.ReadAllBytes(modelPath));
        sha.AppendData(script);
        sha.AppendData(inputBytes);
        sha.AppendData(Encoding.UTF8.GetBytes($"{kind}|{inputName}|{string.Join(",", input.Shape)}|{intInput}|{string.Join("|", outputs)}"));
        var key = Convert.ToHexString(sha.GetHashAndReset())[..24].ToLowerInvariant();
        var dir = Path.Combine(CacheRoot(), key);
        var resultFile = Path.Combine(dir, "result.json");
        if (!File.Exists(resultFile))
        {
            EnsureInstalled();
            var work = dir + ".tmp" + Environment.ProcessId;
            Directory.CreateDirectory(work);
            var inputFile = Path.Combine(work, "input.f32");
            File.WriteAllBytes(inputFile, inputBytes);
            var job = new
            {
                kind, model = modelPath, inputName, inputDtype = intInput ? "int32" : "float32", inputFile,
                inputShape = input.Shape, outputs, outDir = work,
            };
            var jobFile = Path.Combine(work, "job.json");
            File.WriteAllText(jobFile, JsonSerializer.Serialize(job));
            Run("node", $"parity.js \"{jobFile}\"", TimeSpan.FromMinutes(5));
            File.Delete(inputFile);
            // Rewrite paths relative to the final folder, then publish atomically.
            var result = File.ReadAllText(Path.Combine(work, "result.json")).Replace(work, dir);
            File.WriteAllText(Path.Combine(work, "result.json"), result);
            if (!Directory.Exists(dir)) Directory.Move(work, dir);
            else Directory.Delete(work, true);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(resultFile));
        var tensors = new List<Tensor>();
        foreach (var o in doc.RootElement.GetProperty("outputs").EnumerateArray())
        {
            var shape = o.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var bytes = File.ReadAllBytes(o.GetProperty("file").GetString()!);
            var data = new float[bytes.Length / 4];
            System.Buffer.BlockCopy(bytes, 0, data, 0, bytes.Length);
            tensors.Add(new Tensor(shape, data));
        }
        return tensors;
    }

    private static string CacheRoot()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var root = Path.Combine(cache, "openlfr", "parity");
        Directory.CreateDirectory(root);
        return root;
    }

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (Directory.Exists(Path.Combine(ToolDirectory, "node_modules", "@vladmandic", "face-api"))) return;
            Run("npm", "install --no-audit --no-fund", TimeSpan.FromMinutes(10));
        }
    }

    private static void Run(string file, string arguments, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = ToolDirectory, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeout}.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
    }
}
