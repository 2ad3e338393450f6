namespace OpenLfr.Inference.Kernels.Gemm;

/// <summary>
/// Splits an M x N GEMM into work items for <see cref="Parallelism.For"/>: blocks of 8-row tiles, and
/// also blocks of panels when there are too few rows to keep every thread busy (matmuls with M = 1).
/// </summary>
internal static class IgemmSchedule
{
    /// <returns>The number of work items; item i covers tile block i / panelBlocks and panel block i % panelBlocks.</returns>
    public static int Plan(int m, int panels, int threads, out int tilesPerBlock, out int panelsPerBlock, out int panelBlocks)
    {
        int tiles = (m + 7) / 8;
        if (threads <= 1)
        {
            tilesPerBlock = tiles;
            panelsPerBlock = panels;
            panelBlocks = 1;
            return 1;
        }
        // A few items per thread so a thread slowed by other load does not hold everyone up.
        int wanted = threads * 4;
        if (tiles >= wanted)
        {
            tilesPerBlock = (tiles + wanted - 1) / wanted;
            panelsPerBlock = panels;
            panelBlocks = 1;
            return (tiles + tilesPerBlock - 1) / tilesPerBlock;
        }
        tilesPerBlock = 1;
        int panelSplit = Math.Min(panels, (wanted + tiles - 1) / tiles);
        panelsPerBlock = (panels + panelSplit - 1) / panelSplit;
        panelBlocks = (panels + panelsPerBlock - 1) / panelsPerBlock;
        return tiles * panelBlocks;
    }
}
