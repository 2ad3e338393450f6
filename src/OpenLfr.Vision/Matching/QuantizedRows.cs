namespace OpenLfr.Vision.Matching;

/// <summary>
/// The int8 copy of a gallery's unit rows that the search streams (4x less memory traffic than fp32).
/// Each row r is stored as R = round(r / s) with its own scale s = max|r_i| / 127 (symmetric, no clipping).
/// Rows are interleaved in panels of 16 so a VNNI instruction scores 16 rows at once with no horizontal sums:
/// panel p, group g (dimensions 4g..4g+3) holds 64 bytes, row (16p + j)'s four values at bytes 4j..4j+3.
/// Dimensions are zero-padded to a multiple of 4 and rows to a multiple of 16 (zero rows score 0, ignored).
/// Not thread-safe: <see cref="FaceGallery{TKey}"/> guards it with its lock.
/// </summary>
internal sealed class QuantizedRows
{
    public const int PanelRows = 16;

    private sbyte[] _panels;
    private float[] _scales;
    private int[] _sums;

    public QuantizedRows(int dimension, int capacity)
    {
        Dimension = dimension;
        Groups = (dimension + 3) / 4;
        PanelBytes = PanelRows * 4 * Groups;
        var panels = PanelsFor(Math.Max(1, capacity));
        _panels = new sbyte[panels * PanelBytes];
        _scales = new float[panels * PanelRows];
        _sums = new int[panels * PanelRows];
    }

    public int Dimension { get; }

    /// <summary>Groups of four dimensions (the padded dimension / 4).</summary>
    public int Groups { get; }

    public int PanelBytes { get; }

    public ReadOnlySpan<sbyte> Panels => _panels;

    /// <summary>Per row: s, with r ~= s * R.</summary>
    public ReadOnlySpan<float> Scales => _scales;

    /// <summary>Per row: 128 * sum(R), which the VNNI kernels subtract (they multiply R by the probe + 128).</summary>
    public ReadOnlySpan<int> Bias => _sums;

    /// <summary>An upper bound on ||r - sR||_2 over all rows ever stored (never shrinks: a bound, not a statistic).</summary>
    public double MaxResidualNorm { get; private set; }

    /// <summary>An upper bound on ||sR||_2 over all rows ever stored.</summary>
    public double MaxQuantizedNorm { get; private set; }

    public static int PanelsFor(int rows) => (rows + PanelRows - 1) / PanelRows;

    public void EnsureCapacity(int rows)
    {
        var panels = PanelsFor(rows);
        if (panels * PanelRows <= _scales.Length) return;
        var grown = Math.Max(panels, _scales.Length / PanelRows * 2);
        Array.Resize(ref _panels, grown * PanelBytes);
        Array.Resize(ref _scales, grown * PanelRows);
        Array.Resize(ref _sums, grown * PanelRows);
    }

    /// <summary>Quantises <paramref name="vector"/> (unit length) into <paramref name="row"/>.</summary>
    public void Set(int row, ReadOnlySpan<float> vector)
    {
        var max = 0f;
        foreach (var v in vector) max = Math.Max(max, Math.Abs(v));
        var scale = max > 0 ? max / 127f : 1f;
        var inverse = 1f / scale;
        double residual = 0, norm = 0;
        var sum = 0;
        var b = Offset(row);
        for (var i = 0; i < Dimension; i++)
        {
            var q = (int)Math.Clamp(MathF.Round(vector[i] * inverse), -127f, 127f);
            _panels[b + (i >> 2) * 64 + (i & 3)] = (sbyte)q;
            sum += q;
            var e = vector[i] - (double)scale * q;
            residual += e * e;
            norm += (double)q * q;
        }
        _scales[row] = scale;
        _sums[row] = 128 * sum;
        // Rounded up a little so that float rounding in the kernels cannot make the bound too small.
        MaxResidualNorm = Math.Max(MaxResidualNorm, Math.Sqrt(residual) * (1 + 1e-6));
        MaxQuantizedNorm = Math.Max(MaxQuantizedNorm, scale * Math.Sqrt(norm) * (1 + 1e-6));
    }

    /// <summary>Copies row <paramref name="from"/> over row <paramref name="to"/>.</summary>
    public void Move(int from, int to)
    {
        var f = Offset(from);
        var t = Offset(to);
        for (var g = 0; g < Groups; g++)
            _panels.AsSpan(f + g * 64, 4).CopyTo(_panels.AsSpan(t + g * 64, 4));
        _scales[to] = _scales[from];
        _sums[to] = _sums[from];
    }

    /// <summary>Zeroes a row, so that a removed template leaves nothing behind and the panel tail scores 0.</summary>
    public void Clear(int row)
    {
        var b = Offset(row);
        for (var g = 0; g < Groups; g++) _panels.AsSpan(b + g * 64, 4).Clear();
        _scales[row] = 0;
        _sums[row] = 0;
    }

    /// <summary>Forgets the error bounds (only when the gallery is empty, so no stored row needs them).</summary>
    public void ResetBounds()
    {
        MaxResidualNorm = 0;
        MaxQuantizedNorm = 0;
    }

    /// <summary>The stored int8 values of one row (tests and diagnostics).</summary>
    public sbyte[] Row(int row)
    {
        var values = new sbyte[Dimension];
        var b = Offset(row);
        for (var i = 0; i < Dimension; i++) values[i] = _panels[b + (i >> 2) * 64 + (i & 3)];
        return values;
    }

    private int Offset(int row) => row / PanelRows * PanelBytes + row % PanelRows * 4;
}
