using OpenLfr.Vision.Embedding;

namespace OpenLfr.Vision.Matching;

/// <summary>
/// The previous gallery search: every fp32 row scored against every probe, a block of rows at a time.
/// Kept as the baseline that benchmarks compare the int8 search with (it is memory-bound: 4 bytes per value).
/// </summary>
internal static class Fp32Scan
{
    private const int BlockRows = 512;

    /// <summary>Top-k of every probe over the first <paramref name="n"/> rows (of <paramref name="d"/> floats) of <paramref name="data"/>.</summary>
    public static TopK[] Search(float[] data, int n, int d, IReadOnlyList<FaceTemplate> probes, int k, float threshold)
    {
        var tops = probes.Select(_ => new TopK(k, threshold)).ToArray();
        var scores = new float[BlockRows * 4];
        for (var start = 0; start < n; start += BlockRows)
        {
            var rows = Math.Min(BlockRows, n - start);
            var block = data.AsSpan(start * d, rows * d);
            for (var p0 = 0; p0 < probes.Count; p0 += 4)
            {
                var group = Math.Min(4, probes.Count - p0);
                if (group == 4)
                    DotKernels.Score(block, rows, d, new[] { probes[p0].Vector, probes[p0 + 1].Vector, probes[p0 + 2].Vector, probes[p0 + 3].Vector }, scores);
                else
                    for (var g = 0; g < group; g++)
                        DotKernels.Score1(block, rows, d, probes[p0 + g].Vector, scores.AsSpan(g * rows, rows));
                for (var g = 0; g < group; g++)
                {
                    var top = tops[p0 + g];
                    var s = scores.AsSpan(g * rows, rows);
                    for (var r = 0; r < rows; r++)
                        if (s[r] >= top.Floor) top.Offer(s[r], start + r);
                }
            }
        }
        return tops;
    }
}
