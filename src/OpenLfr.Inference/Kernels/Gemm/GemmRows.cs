namespace OpenLfr.Inference.Kernels.Gemm;

/// <summary>
/// A compile-time row count for the GEMM micro-kernels: the JIT specialises a generic method per struct
/// type argument, so `if (TRows.Count > 3)` folds away and each instantiation keeps exactly the
/// accumulators it uses in registers (one source, tiles 8xNR, 4xNR, 2xNR and 1xNR).
/// </summary>
internal interface IGemmRows
{
    static abstract int Count { get; }
}

internal readonly struct Rows8 : IGemmRows { public static int Count => 8; }
internal readonly struct Rows4 : IGemmRows { public static int Count => 4; }
internal readonly struct Rows2 : IGemmRows { public static int Count => 2; }
internal readonly struct Rows1 : IGemmRows { public static int Count => 1; }

/// <summary>A compile-time count of column vectors per tile row (2 = a full panel, 1 = half a panel).</summary>
internal interface IGemmCols
{
    static abstract int Count { get; }
}

internal readonly struct Cols2 : IGemmCols { public static int Count => 2; }
internal readonly struct Cols1 : IGemmCols { public static int Count => 1; }
