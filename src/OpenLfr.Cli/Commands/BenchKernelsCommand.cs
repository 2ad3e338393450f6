using System.CommandLine;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenLfr.Cli.Benchmarks;
using OpenLfr.Inference.Kernels;

namespace OpenLfr.Cli.Commands;

/// <summary>
/// <c>lfr bench kernels</c>: GMAC/s of the compute kernels on representative layers, per ISA variant and
/// thread count, next to the measured FMA peak of one core. Takes well under a minute.
/// </summary>
internal static class BenchKernelsCommand
{
    public static Command Create()
    {
        var threads = new Option<int[]>("--threads") { Description = "Thread counts to measure (default: 1 and 2).", AllowMultipleArgumentsPerToken = true };
        var isas = new Option<string[]>("--isa") { Description = "ISA variants: scalar, vector256, vector512 (default: the vector ones this CPU runs).", AllowMultipleArgumentsPerToken = true };
        var filter = new Option<string?>("--filter") { Description = "Only layers whose name contains this text." };
        var budget = new Option<int>("--budget-ms") { Description = "Time spent timing each layer per variant (default 300 ms).", DefaultValueFactory = _ => 300 };
        var command = new Command("kernels", "Measure the compute kernels' GMAC/s on representative layers (1x1, 3x3, 7x7 conv, depthwise, matmul).");
        command.Options.Add(threads);
        command.Options.Add(isas);
        command.Options.Add(filter);
        command.Options.Add(budget);
        command.SetAction(parse =>
        {
            var threadCounts = parse.GetValue(threads) is { Length: > 0 } t ? t : [1, 2];
            var variants = ParseIsas(parse.GetValue(isas));
            if (variants is null) return 2;
            Console.WriteLine($"CPU: {Environment.ProcessorCount} logical cores; Vector512 accelerated: {Vector512.IsHardwareAccelerated}, " +
                              $"AVX-512F: {Avx512F.IsSupported}, FMA: {Fma.IsSupported}; default kernels: {KernelIsas.Best}");
            double peak512 = FmaPeak.Measure512(), peak256 = FmaPeak.Measure256();
            Console.WriteLine($"FMA peak of one core (register-only loop): Vector512 {peak512:F1} GMAC/s, Vector256 {peak256:F1} GMAC/s");
            Console.WriteLine();
            Console.WriteLine($"{"layer",-30} {"isa",-10} {"thr",3} {"MMAC",8} {"min ms",9} {"median ms",10} {"GMAC/s",8} {"% peak1",8}");
            double peak = Math.Max(peak512, peak256);
            foreach (var c in KernelBenchmarks.Cases())
            {
                if (parse.GetValue(filter) is { } f && !c.Name.Contains(f, StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var isa in variants)
                foreach (var n in threadCounts)
                {
                    using var parallelism = new Parallelism(n);
                    var r = KernelBenchmarks.Measure(c, isa, parallelism, parse.GetValue(budget));
                    double percent = peak > 0 ? 100 * r.Gmacs / (peak * n) : 0;
                    Console.WriteLine($"{r.Name,-30} {r.Isa,-10} {r.Threads,3} {r.Macs / 1e6,8:F1} {r.MinMs,9:F3} {r.MedianMs,10:F3} {r.Gmacs,8:F1} {percent,7:F0}%");
                }
            }
            Console.WriteLine();
            Console.WriteLine("GMAC/s from the min time; % of the one-core peak times the thread count. The machine is shared: repeat and compare mins.");
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<KernelIsa>? ParseIsas(string[]? names)
    {
        if (names is not { Length: > 0 }) return KernelIsas.Available.Where(i => i != KernelIsa.Scalar).ToArray();
        var list = new List<KernelIsa>();
        foreach (var name in names)
        {
            if (!Enum.TryParse<KernelIsa>(name, ignoreCase: true, out var isa) || isa == KernelIsa.Auto)
            {
                Console.Error.WriteLine($"Unknown --isa '{name}': use scalar, vector256 or vector512.");
                return null;
            }
            if (!KernelIsas.IsSupported(isa))
            {
                Console.Error.WriteLine($"This CPU does not run {isa} kernels.");
                return null;
            }
            list.Add(isa);
        }
        return list;
    }
}
