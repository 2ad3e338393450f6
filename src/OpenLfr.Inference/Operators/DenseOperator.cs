using OpenLfr.Inference.Graph;
using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Operators;

/// <summary>MatMul with constant weights: [M,K] x [K,N] (+ bias, activation); leading dims of a higher-rank input fold into M.</summary>
internal sealed class DenseOperator : Operator
{
    private readonly MatMulKernel _kernel;
    private readonly int _k;
    private readonly int _n;

    public DenseOperator(ConvSpec spec)
    {
        _k = spec.InChannels;
        _n = spec.OutChannels;
        _kernel = MatMulKernel.Create(_k, _n, spec.Filter, spec.Epilogue, spec.TransposeWeights);
    }

    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        if (x.Rank < 1 || x.Shape[^1] != _k) throw Fail($"expects input [M,{_k}], got {x.ShapeText}.");
        var m = x.Length / _k;
        var shape = (int[])x.Shape.Clone();
        shape[^1] = _n;
        var output = context.Allocate(shape);
        _kernel.Run(x.ReadOnly, m, output.Span, context.Parallelism);
        outputs[0] = output;
    }

    public override long CountMacs(ReadOnlySpan<Value> inputs) => (long)inputs[0].Length * _n;
}
