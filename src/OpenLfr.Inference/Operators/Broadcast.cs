namespace OpenLfr.Inference.Operators;

/// <summary>NumPy/TensorFlow broadcasting of two shapes.</summary>
internal static class Broadcast
{
    public static int[] Shape(int[] a, int[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = Dim(a, i, rank);
            var db = Dim(b, i, rank);
            if (da != db && da != 1 && db != 1)
                throw new InvalidOperationException($"shapes [{string.Join(",", a)}] and [{string.Join(",", b)}] cannot be broadcast together.");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Dimension <paramref name="i"/> of <paramref name="shape"/> right-aligned to <paramref name="rank"/>.</summary>
    public static int Dim(int[] shape, int i, int rank)
    {
        var j = i - (rank - shape.Length);
        return j < 0 ? 1 : shape[j];
    }

    public static bool SameShape(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary>True when <paramref name="small"/> equals the trailing dims of <paramref name="full"/> with only 1s before,
    /// so it repeats with a period of its length.</summary>
    public static bool IsTrailingRepeat(int[] full, int[] small)
    {
        var rank = Math.Max(full.Length, small.Length);
        var k = 0;
        while (k < rank && Dim(small, k, rank) == 1) k++;
        for (var i = k; i < rank; i++)
            if (Dim(small, i, rank) != Dim(full, i, rank)) return false;
        return true;
    }

    /// <summary>Strides of <paramref name="shape"/> right-aligned to <paramref name="outShape"/>, 0 on broadcast dimensions.</summary>
    public static int[] Strides(int[] shape, int[] outShape)
    {
        var rank = outShape.Length;
        var strides = new int[rank];
        var s = 1;
        for (var i = rank - 1; i >= 0; i--)
        {
            var d = Dim(shape, i, rank);
            strides[i] = d == 1 ? 0 : s;
            s *= d;
        }
        return strides;
    }
}
