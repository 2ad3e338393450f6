using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenLfr.Vision.Matching;

/// <summary>
/// One probe's search over the int8 rows: the quantised scores only choose candidates, and every returned
/// score is the exact fp32 cosine of the kept float row, so results equal the exact search.
/// Why it is exact: with q ~= sQ and r ~= sR, q.r - (sQ).(sR) = q.(r - sR) + (q - sQ).(sR), so
/// |exact - approx| &lt;= ||q|| max||r - sR|| + ||q - sQ|| max||sR|| (+ float rounding) = eps, a bound
/// computed from the stored rows, not a statistic. If A is the k-th best approximate score, the k best
/// approximate rows all score &gt;= A - eps exactly, so the k-th best exact score is &gt;= A - eps and every row
/// of the exact top-k has approximate score &gt;= A - 2 eps (and &gt;= threshold - eps). Those rows are re-scored.
/// </summary>
internal sealed class Int8ProbeSearch
{
    private readonly float[] _vector;
    private readonly TopK _approximate;
    private readonly float _floor;
    private readonly float _margin;
    private int[] _candidates = new int[64];
    private float[] _candidateScores = new float[64];
    private int _count;

    public Int8ProbeSearch(float[] vector, QuantizedRows rows, int k, float threshold)
    {
        _vector = vector;
        Probe = new QuantizedProbe(vector, rows.Groups);
        // Exact fp32 dot products and the approximate score's own float rounding each stay far below this slack.
        var slack = 1e-6 + rows.Dimension * 1.2e-7;
        Epsilon = (float)(Probe.Norm * rows.MaxResidualNorm + Probe.ResidualNorm * rows.MaxQuantizedNorm + slack);
        _floor = threshold - Epsilon;
        _margin = 2 * Epsilon;
        _approximate = new TopK(k, _floor);
        Exact = new TopK(k, threshold);
    }

    public QuantizedProbe Probe { get; }

    /// <summary>The bound on |exact - approximate score| for this probe against this gallery.</summary>
    public float Epsilon { get; }

    /// <summary>The exact result once <see cref="Rescore"/> has run.</summary>
    public TopK Exact { get; }

    /// <summary>How many rows were re-scored in fp32.</summary>
    public int Rescored { get; private set; }

    /// <summary>Approximate scores below this cannot belong to the result.</summary>
    private float Cut => _approximate.IsFull ? MathF.Max(_floor, _approximate.Floor - _margin) : _floor;

    /// <summary>Offers rows firstRow.. (their integer dots and scales) as candidates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan(ReadOnlySpan<int> dots, ReadOnlySpan<float> scales, int firstRow, int rows)
    {
        var s = Probe.Scale;
        var cut = Cut;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var d = ref MemoryMarshal.GetReference(dots);
            ref var c = ref MemoryMarshal.GetReference(scales);
            for (; i + 8 <= rows; i += 8)
            {
                var approx = Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref d, (nuint)i)) * Vector256.LoadUnsafe(ref c, (nuint)i) * s;
                // Nearly all blocks of 8 fall below the cut: one compare skips them.
                if (!Vector256.GreaterThanOrEqualAny(approx, Vector256.Create(cut))) continue;
                for (var j = 0; j < 8; j++)
                    if (approx[j] >= cut)
                    {
                        Accept(firstRow + i + j, approx[j]);
                        cut = Cut;
                    }
            }
        }
        for (; i < rows; i++)
        {
            var approx = dots[i] * scales[i] * s;
            if (approx < cut) continue;
            Accept(firstRow + i, approx);
            cut = Cut;
        }
    }

    /// <summary>Scores the surviving candidates exactly (in row order, so ties resolve as in the exact scan).</summary>
    public void Rescore(ReadOnlySpan<float> floatRows, int dimension)
    {
        var cut = Cut;
        for (var i = 0; i < _count; i++)
        {
            if (_candidateScores[i] < cut) continue;
            var row = _candidates[i];
            Exact.Offer(TensorPrimitives.Dot(floatRows.Slice(row * dimension, dimension), _vector), row);
            Rescored++;
        }
    }

    private void Accept(int row, float approx)
    {
        _approximate.Offer(approx, row);
        if (_count == _candidates.Length)
        {
            Array.Resize(ref _candidates, _count * 2);
            Array.Resize(ref _candidateScores, _count * 2);
        }
        _candidates[_count] = row;
        _candidateScores[_count] = approx;
        _count++;
    }
}
