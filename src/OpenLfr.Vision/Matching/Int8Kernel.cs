using System.Runtime.Intrinsics.X86;

namespace OpenLfr.Vision.Matching;

/// <summary>The instruction sets the int8 panel kernels are written for; the fastest supported one is used.</summary>
internal enum Int8Kernel
{
    /// <summary>Plain C#: any CPU.</summary>
    Scalar,

    /// <summary>AVX2 vpmovsxbw + vpmaddwd (int16 pairs): x86 without VNNI.</summary>
    Avx2Madd,

    /// <summary>AVX-VNNI vpdpbusd on 256-bit registers (u8 x s8, 4 products per int32 lane).
    /// .NET 10 exposes no 512-bit form of it (no Avx512Vnni class: only AvxVnni, 128/256-bit);
    /// a single-probe search is memory-bound anyway, so 512-bit VNNI would only help batched searches.</summary>
    AvxVnni,
}

internal static class Int8KernelSupport
{
    public static Int8Kernel Best =>
        AvxVnni.IsSupported ? Int8Kernel.AvxVnni : Avx2.IsSupported ? Int8Kernel.Avx2Madd : Int8Kernel.Scalar;

    public static bool IsSupported(Int8Kernel kernel) => kernel switch
    {
        Int8Kernel.Scalar => true,
        Int8Kernel.Avx2Madd => Avx2.IsSupported,
        Int8Kernel.AvxVnni => AvxVnni.IsSupported,
        _ => false,
    };
}
