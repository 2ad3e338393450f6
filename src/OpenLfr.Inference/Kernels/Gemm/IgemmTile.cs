namespace OpenLfr.Inference.Kernels.Gemm;

/// <summary>
/// Runs one tile of up to 8 output rows against one packed panel with the micro-kernel of the chosen ISA,
/// splitting a short tail into 4-, 2- and 1-row tiles so no FMAs are spent on rows that do not exist.
/// </summary>
internal static unsafe class IgemmTile
{
    /// <param name="a">Row pointers laid out [tap][8]; only the first <paramref name="rows"/> of each tap are read.</param>
    public static void Run(KernelIsa isa, int rows, int nc, int taps, int kc, float** a, float* panel, float* c, int ldc, float* slope, float upper)
    {
        if (rows == 8)
        {
            Dispatch<Rows8>(isa, nc, taps, kc, a, panel, c, ldc, slope, upper);
            return;
        }
        int r0 = 0;
        if ((rows & 4) != 0) { Dispatch<Rows4>(isa, nc, taps, kc, a, panel, c, ldc, slope, upper); r0 += 4; }
        if ((rows & 2) != 0) { Dispatch<Rows2>(isa, nc, taps, kc, a + r0, panel, c + r0 * ldc, ldc, slope, upper); r0 += 2; }
        if ((rows & 1) != 0) Dispatch<Rows1>(isa, nc, taps, kc, a + r0, panel, c + r0 * ldc, ldc, slope, upper);
    }

    private static void Dispatch<TRows>(KernelIsa isa, int nc, int taps, int kc, float** a, float* panel, float* c, int ldc, float* slope, float upper)
        where TRows : struct, IGemmRows
    {
        // A narrow last panel (few output channels) runs half the tile instead of multiplying zeros.
        if (isa == KernelIsa.Vector512)
        {
            if (nc > IgemmMicroKernel_Avx512_8x32.NR / 2) IgemmMicroKernel_Avx512_8x32.Run<TRows, Cols2>(nc, taps, kc, a, panel, c, ldc, slope, upper);
            else IgemmMicroKernel_Avx512_8x32.Run<TRows, Cols1>(nc, taps, kc, a, panel, c, ldc, slope, upper);
        }
        else
        {
            if (nc > IgemmMicroKernel_Fma256_8x16.NR / 2) IgemmMicroKernel_Fma256_8x16.Run<TRows, Cols2>(nc, taps, kc, a, panel, c, ldc, slope, upper);
            else IgemmMicroKernel_Fma256_8x16.Run<TRows, Cols1>(nc, taps, kc, a, panel, c, ldc, slope, upper);
        }
    }

    /// <summary>Panel width of the micro-kernel used for an ISA.</summary>
    public static int PanelWidth(KernelIsa isa) =>
        isa == KernelIsa.Vector512 ? IgemmMicroKernel_Avx512_8x32.NR : IgemmMicroKernel_Fma256_8x16.NR;
}
