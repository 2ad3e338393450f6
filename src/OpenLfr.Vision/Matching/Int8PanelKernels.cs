using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenLfr.Vision.Matching;

/// <summary>
/// Integer dot products of a quantised probe with panels of 16 int8 rows (<see cref="QuantizedRows"/> layout):
/// dots[16p + j] = Q . R for row j of panel p. Every kernel returns the same exact integers; they differ in
/// speed only. Each lane of an accumulator is one row, so no horizontal sums are needed per row.
/// Kernels are compiled fully optimised at once (AggressiveOptimization): a search is ~1 ms, too short for
/// tiered compilation to replace the slow first-tier code before a benchmark or a camera has finished.
/// </summary>
internal static class Int8PanelKernels
{
    /// <param name="panels">The panels to score, starting at the first one.</param>
    /// <param name="bias">128 * sum(R) per row, starting at the first panel's first row.</param>
    public static void Score(Int8Kernel kernel, ReadOnlySpan<sbyte> panels, ReadOnlySpan<int> bias, int panelCount, int groups, QuantizedProbe probe, Span<int> dots)
    {
        var panelBytes = QuantizedRows.PanelRows * 4 * groups;
        if (panels.Length < panelCount * panelBytes || bias.Length < panelCount * QuantizedRows.PanelRows || dots.Length < panelCount * QuantizedRows.PanelRows || probe.Offset.Length != groups)
            throw new ArgumentException("Panel, bias, probe or output buffers do not match the panel count and groups.");
        switch (kernel)
        {
            case Int8Kernel.AvxVnni when AvxVnni.IsSupported:
                ScoreAvxVnni(panels, bias, panelCount, groups, probe.Offset, dots);
                break;
            case Int8Kernel.Avx2Madd when Avx2.IsSupported:
                ScoreAvx2Madd(panels, panelCount, groups, probe.Words, dots);
                break;
            case Int8Kernel.Scalar:
                ScoreScalar(panels, panelCount, groups, probe.Values, dots);
                break;
            default:
                throw new PlatformNotSupportedException($"The {kernel} int8 kernel needs an instruction set this CPU lacks.");
        }
    }

    /// <summary>vpdpbusd multiplies unsigned by signed bytes, so the probe goes in as Q + 128 and 128 * sum(R) is taken off.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreAvxVnni(ReadOnlySpan<sbyte> panels, ReadOnlySpan<int> bias, int panelCount, int groups, int[] offsetProbe, Span<int> dots)
    {
        ref var first = ref MemoryMarshal.GetReference(panels);
        ref var u = ref MemoryMarshal.GetArrayDataReference(offsetProbe);
        ref var b = ref MemoryMarshal.GetReference(bias);
        ref var d = ref MemoryMarshal.GetReference(dots);
        var panelBytes = 64 * groups;
        for (var p = 0; p < panelCount; p++)
        {
            ref var panel = ref Unsafe.Add(ref first, p * panelBytes);
            // Four independent chains (two groups x two halves) hide vpdpbusd's latency.
            Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
            var g = 0;
            for (; g + 1 < groups; g += 2)
            {
                ref var src = ref Unsafe.Add(ref panel, g * 64);
                var u0 = Vector256.Create(Unsafe.Add(ref u, g)).AsByte();
                var u1 = Vector256.Create(Unsafe.Add(ref u, g + 1)).AsByte();
                a0 = AvxVnni.MultiplyWideningAndAdd(a0, u0, Vector256.LoadUnsafe(ref src));
                a1 = AvxVnni.MultiplyWideningAndAdd(a1, u0, Vector256.LoadUnsafe(ref src, 32));
                a2 = AvxVnni.MultiplyWideningAndAdd(a2, u1, Vector256.LoadUnsafe(ref src, 64));
                a3 = AvxVnni.MultiplyWideningAndAdd(a3, u1, Vector256.LoadUnsafe(ref src, 96));
            }
            if (g < groups)
            {
                ref var src = ref Unsafe.Add(ref panel, g * 64);
                var u0 = Vector256.Create(Unsafe.Add(ref u, g)).AsByte();
                a0 = AvxVnni.MultiplyWideningAndAdd(a0, u0, Vector256.LoadUnsafe(ref src));
                a1 = AvxVnni.MultiplyWideningAndAdd(a1, u0, Vector256.LoadUnsafe(ref src, 32));
            }
            var o = (nuint)(p * QuantizedRows.PanelRows);
            (a0 + a2 - Vector256.LoadUnsafe(ref b, o)).StoreUnsafe(ref d, o);
            (a1 + a3 - Vector256.LoadUnsafe(ref b, o + 8)).StoreUnsafe(ref d, o + 8);
        }
    }

    /// <summary>
    /// Sign-extends 4 rows x 4 values to int16 and multiplies by the probe's four int16 values (vpmaddwd),
    /// giving two partial sums per row; one horizontal add per panel (not per row) joins them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreAvx2Madd(ReadOnlySpan<sbyte> panels, int panelCount, int groups, long[] words, Span<int> dots)
    {
        ref var first = ref MemoryMarshal.GetReference(panels);
        ref var w = ref MemoryMarshal.GetArrayDataReference(words);
        ref var d = ref MemoryMarshal.GetReference(dots);
        var panelBytes = 64 * groups;
        for (var p = 0; p < panelCount; p++)
        {
            ref var panel = ref Unsafe.Add(ref first, p * panelBytes);
            Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var g = 0; g < groups; g++)
            {
                ref var src = ref Unsafe.Add(ref panel, g * 64);
                var q = Vector256.Create(Unsafe.Add(ref w, g)).AsInt16();
                a0 += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref src)), q);
                a1 += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref src, 16)), q);
                a2 += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref src, 32)), q);
                a3 += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref src, 48)), q);
            }
            // hadd gives rows (0,1,4,5 | 2,3,6,7) per 128-bit lane; the 64-bit permute puts them in order.
            var o = (nuint)(p * QuantizedRows.PanelRows);
            Avx2.Permute4x64(Avx2.HorizontalAdd(a0, a1).AsInt64(), 0b11_01_10_00).AsInt32().StoreUnsafe(ref d, o);
            Avx2.Permute4x64(Avx2.HorizontalAdd(a2, a3).AsInt64(), 0b11_01_10_00).AsInt32().StoreUnsafe(ref d, o + 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreScalar(ReadOnlySpan<sbyte> panels, int panelCount, int groups, sbyte[] probe, Span<int> dots)
    {
        var panelBytes = 64 * groups;
        for (var p = 0; p < panelCount; p++)
        {
            var panel = panels.Slice(p * panelBytes, panelBytes);
            for (var j = 0; j < QuantizedRows.PanelRows; j++)
            {
                var sum = 0;
                for (var g = 0; g < groups; g++)
                for (var i = 0; i < 4; i++)
                    sum += probe[g * 4 + i] * panel[g * 64 + j * 4 + i];
                dots[p * QuantizedRows.PanelRows + j] = sum;
            }
        }
    }
}
