using OpenLfr.Inference;

namespace OpenLfr.Inference.Tests.Parity;

/// <summary>The parity criteria: same shape, max |a - b| &lt;= tolerance * max |ref|, and optionally cosine per row.</summary>
internal static class ParityAssert
{
    public static void Close(Tensor reference, Tensor actual, string what, float relativeTolerance = 1e-4f, double? minCosinePerRow = null)
    {
        Assert.True(reference.Shape.SequenceEqual(actual.Shape),
            $"{what}: shape [{string.Join(",", actual.Shape)}], TF.js gives [{string.Join(",", reference.Shape)}]");
        var maxRef = reference.Data.Max(MathF.Abs);
        var maxDiff = 0f;
        var worst = -1;
        for (var i = 0; i < reference.Data.Length; i++)
        {
            var d = MathF.Abs(reference.Data[i] - actual.Data[i]);
            if (!(d <= maxDiff)) { maxDiff = d; worst = i; }
        }
        Assert.True(maxDiff <= relativeTolerance * maxRef,
            $"{what}: max |diff| {maxDiff:G4} at {worst} (ref {reference.Data[Math.Max(worst, 0)]:G6}, ours {actual.Data[Math.Max(worst, 0)]:G6}) exceeds {relativeTolerance:G2} x max|ref| {maxRef:G4}");
        if (minCosinePerRow is { } minCos)
        {
            var row = reference.Shape[^1];
            for (var r = 0; r < reference.Data.Length / row; r++)
            {
                double dot = 0, na = 0, nb = 0;
                for (var i = r * row; i < (r + 1) * row; i++)
                {
                    dot += reference.Data[i] * (double)actual.Data[i];
                    na += reference.Data[i] * (double)reference.Data[i];
                    nb += actual.Data[i] * (double)actual.Data[i];
                }
                var cos = dot / Math.Sqrt(na * nb);
                Assert.True(cos >= minCos, $"{what}: row {r} cosine {cos:F7} < {minCos}");
            }
        }
    }
}
