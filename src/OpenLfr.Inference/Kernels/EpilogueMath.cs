using System.Runtime.CompilerServices;

namespace OpenLfr.Inference.Kernels;

/// <summary>The scalar form of the branch-free epilogue (see <see cref="Epilogue"/>).</summary>
internal static class EpilogueMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Apply(float x, float slope, float upper) =>
        MathF.Min(MathF.Max(x, 0f) + slope * MathF.Min(x, 0f), upper);
}
