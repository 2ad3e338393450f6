namespace OpenLfr.Inference.Kernels;

/// <summary>
/// y[M, N] = act(x[M, K] * W[K, N] + bias) with W packed once at Create. Row-major buffers.
/// Immutable after Create.
/// </summary>
public abstract class MatMulKernel
{
    private protected MatMulKernel(int k, int n)
    {
        if (k <= 0 || n <= 0) throw new ArgumentException($"MatMul sizes must be positive, got K={k}, N={n}.");
        K = k;
        N = n;
    }

    public int K { get; }
    public int N { get; }

    /// <summary>
    /// Packs the weights: [K, N] row-major, or [N, K] when <paramref name="transposeWeights"/> is true
    /// (TensorFlow MatMul with transpose_b).
    /// </summary>
    public static MatMulKernel Create(int k, int n, ReadOnlySpan<float> weightsKN, Epilogue epilogue, bool transposeWeights = false) =>
        Create(k, n, weightsKN, epilogue, transposeWeights, KernelIsa.Auto);

    internal static MatMulKernel Create(int k, int n, ReadOnlySpan<float> weightsKN, Epilogue epilogue, bool transposeWeights, KernelIsa isa)
    {
        isa = KernelIsas.Resolve(isa);
        ArgumentNullException.ThrowIfNull(epilogue);
        if (weightsKN.Length != (long)k * n)
            throw new ArgumentException($"MatMul weights have {weightsKN.Length} values; K={k} x N={n} needs {(long)k * n}.");
        return isa == KernelIsa.Scalar
            ? new Gemm.MatMulScalar(k, n, weightsKN, epilogue, transposeWeights)
            : new Gemm.MatMulIgemm(k, n, weightsKN, epilogue, transposeWeights, isa);
    }

    /// <summary>Computes output [m, N] from input [m, K]. Allocates nothing.</summary>
    public abstract void Run(ReadOnlySpan<float> input, int m, Span<float> output, Parallelism parallelism);

    private protected void CheckRun(ReadOnlySpan<float> input, int m, Span<float> output)
    {
        if (m <= 0) throw new ArgumentException($"MatMul: row count must be positive, got {m}.");
        if (input.Length < (long)m * K)
            throw new ArgumentException($"MatMul: input has {input.Length} floats; [{m},{K}] needs {(long)m * K}.");
        if (output.Length < (long)m * N)
            throw new ArgumentException($"MatMul: output has {output.Length} floats; [{m},{N}] needs {(long)m * N}.");
    }
}
