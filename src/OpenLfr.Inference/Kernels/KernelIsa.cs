using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenLfr.Inference.Kernels;

/// <summary>
/// The instruction-set family a kernel is built for. Create picks <see cref="KernelIsas.Best"/>; tests and
/// benchmarks ask for each one this machine can run, so every variant stays correct.
/// </summary>
internal enum KernelIsa
{
    Auto,
    /// <summary>Plain C#, any CPU.</summary>
    Scalar,
    /// <summary>256-bit vectors with FMA (AVX2 + FMA3 class machines).</summary>
    Vector256,
    /// <summary>512-bit vectors (AVX-512F).</summary>
    Vector512,
}

internal static class KernelIsas
{
    public static bool IsSupported(KernelIsa isa) => isa switch
    {
        KernelIsa.Auto or KernelIsa.Scalar => true,
        KernelIsa.Vector256 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        KernelIsa.Vector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        _ => false,
    };

    /// <summary>The widest family this machine accelerates.</summary>
    public static KernelIsa Best { get; } =
        IsSupported(KernelIsa.Vector512) ? KernelIsa.Vector512 :
        IsSupported(KernelIsa.Vector256) ? KernelIsa.Vector256 : KernelIsa.Scalar;

    public static KernelIsa Resolve(KernelIsa isa)
    {
        if (isa == KernelIsa.Auto) return Best;
        if (!IsSupported(isa)) throw new PlatformNotSupportedException($"This CPU does not accelerate {isa} kernels.");
        return isa;
    }

    /// <summary>Every family this machine can run, narrowest first.</summary>
    public static IReadOnlyList<KernelIsa> Available { get; } =
        new[] { KernelIsa.Scalar, KernelIsa.Vector256, KernelIsa.Vector512 }.Where(IsSupported).ToArray();
}
