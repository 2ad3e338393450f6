namespace OpenLfr.Inference.Kernels.Gemm;

/// <summary>A plain row-by-row matmul: the portable fallback.</summary>
internal sealed class MatMulScalar : MatMulKernel
{
    private readonly float[] _weights;   // [K, N]
    private readonly float[] _bias;
    private readonly float[] _slope;
    private readonly float _upper;

    public MatMulScalar(int k, int n, ReadOnlySpan<float> weights, Epilogue epilogue, bool transposeWeights)
        : base(k, n)
    {
        _weights = new float[k * n];
        if (!transposeWeights) weights.CopyTo(_weights);
        else
            for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++)
                _weights[j * n + i] = weights[i * k + j];
        (_bias, _slope, _upper) = epilogue.Expand(n);
    }

    public override void Run(ReadOnlySpan<float> input, int m, Span<float> output, Parallelism parallelism)
    {
        CheckRun(input, m, output);
        int k = K, n = N;
        for (int r = 0; r < m; r++)
        {
            var row = input.Slice(r * k, k);
            var y = output.Slice(r * n, n);
            _bias.AsSpan().CopyTo(y);
            for (int j = 0; j < k; j++)
            {
                float x = row[j];
                var w = _weights.AsSpan(j * n, n);
                for (int i = 0; i < n; i++) y[i] += x * w[i];
            }
            for (int i = 0; i < n; i++) y[i] = EpilogueMath.Apply(y[i], _slope[i], _upper);
        }
    }
}
