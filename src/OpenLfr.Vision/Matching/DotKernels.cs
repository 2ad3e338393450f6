using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenLfr.Vision.Matching;

/// <summary>
/// Scores a block of gallery rows against probes. The 4-probe kernel reads each row once into
/// registers and feeds four FMA chains, so a frame's faces share one pass over the gallery block
/// (per-row Dot calls were compute-bound at ~7 GB/s for batches; this keeps them near memory speed).
/// </summary>
internal static class DotKernels
{
    /// <summary>scores[p * rows + r] = dot(row r, probe p) for up to four probes.</summary>
    public static void Score(ReadOnlySpan<float> block, int rows, int d, ReadOnlySpan<float[]> probes, Span<float> scores)
    {
        if (Vector512.IsHardwareAccelerated && d % 16 == 0 && probes.Length == 4)
        {
            Score4x512(block, rows, d, probes, scores);
            return;
        }
        for (var p = 0; p < probes.Length; p++)
        for (var r = 0; r < rows; r++)
            scores[p * rows + r] = TensorPrimitives.Dot(block.Slice(r * d, d), probes[p]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Score4x512(ReadOnlySpan<float> block, int rows, int d, ReadOnlySpan<float[]> probes, Span<float> scores)
    {
        ref var b = ref MemoryMarshal.GetReference(block);
        ref var p0 = ref MemoryMarshal.GetArrayDataReference(probes[0]);
        ref var p1 = ref MemoryMarshal.GetArrayDataReference(probes[1]);
        ref var p2 = ref MemoryMarshal.GetArrayDataReference(probes[2]);
        ref var p3 = ref MemoryMarshal.GetArrayDataReference(probes[3]);
        for (var r = 0; r < rows; r++)
        {
            ref var row = ref Unsafe.Add(ref b, r * d);
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var i = 0; i < d; i += 16)
            {
                var x = Vector512.LoadUnsafe(ref row, (nuint)i);
                a0 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref p0, (nuint)i), a0);
                a1 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref p1, (nuint)i), a1);
                a2 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref p2, (nuint)i), a2);
                a3 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref p3, (nuint)i), a3);
            }
            scores[r] = Vector512.Sum(a0);
            scores[rows + r] = Vector512.Sum(a1);
            scores[2 * rows + r] = Vector512.Sum(a2);
            scores[3 * rows + r] = Vector512.Sum(a3);
        }
    }

    /// <summary>scores[r] = dot(row r, probe): one probe, two rows per iteration for two FMA chains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Score1(ReadOnlySpan<float> block, int rows, int d, float[] probe, Span<float> scores)
    {
        if (!Vector512.IsHardwareAccelerated || d % 16 != 0)
        {
            for (var r = 0; r < rows; r++) scores[r] = TensorPrimitives.Dot(block.Slice(r * d, d), probe);
            return;
        }
        ref var b = ref MemoryMarshal.GetReference(block);
        ref var p = ref MemoryMarshal.GetArrayDataReference(probe);
        var r2 = 0;
        for (; r2 + 1 < rows; r2 += 2)
        {
            ref var row0 = ref Unsafe.Add(ref b, r2 * d);
            ref var row1 = ref Unsafe.Add(ref b, (r2 + 1) * d);
            Vector512<float> a0 = default, a1 = default;
            for (var i = 0; i < d; i += 16)
            {
                var q = Vector512.LoadUnsafe(ref p, (nuint)i);
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row0, (nuint)i), q, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row1, (nuint)i), q, a1);
            }
            scores[r2] = Vector512.Sum(a0);
            scores[r2 + 1] = Vector512.Sum(a1);
        }
        if (r2 < rows) scores[r2] = TensorPrimitives.Dot(block.Slice(r2 * d, d), probe);
    }
}
