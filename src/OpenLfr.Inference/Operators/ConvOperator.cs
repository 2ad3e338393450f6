using OpenLfr.Inference.Graph;
using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Operators;

/// <summary>Conv2D / depthwise conv over NHWC with a fused epilogue; the kernel packs the weights once, here.</summary>
internal sealed class ConvOperator : Operator
{
    private readonly Conv2DKernel? _conv;
    private readonly DepthwiseConv2DKernel? _depthwise;
    private readonly int _inChannels;
    private readonly int _outChannels;
    private readonly long _macsPerPixel;

    public ConvOperator(ConvSpec spec)
    {
        _inChannels = spec.InChannels;
        _outChannels = spec.OutChannels;
        var g = spec.Geometry;
        if (spec.Kind == ConvSpec.Kinds.Conv2D)
        {
            _conv = Conv2DKernel.Create(g, _inChannels, _outChannels, spec.Filter, spec.Epilogue);
            _macsPerPixel = (long)g.KernelH * g.KernelW * _inChannels * _outChannels;
        }
        else
        {
            _depthwise = DepthwiseConv2DKernel.Create(g, spec.FilterShape[2], spec.FilterShape[3], spec.Filter, spec.Epilogue);
            _macsPerPixel = (long)g.KernelH * g.KernelW * _outChannels;
        }
    }

    public override void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs)
    {
        var x = inputs[0];
        if (x.Rank != 4 || x.Shape[3] != _inChannels)
            throw Fail($"expects NHWC input with {_inChannels} channels, got {x.ShapeText}.");
        int n = x.Shape[0], h = x.Shape[1], w = x.Shape[2];
        var (oh, ow) = _conv?.OutputSize(h, w) ?? _depthwise!.OutputSize(h, w);
        if (oh <= 0 || ow <= 0) throw Fail($"input {x.ShapeText} is too small for the kernel.");
        var output = context.Allocate([n, oh, ow, _outChannels]);
        if (_conv is not null)
            _conv.Run(x.ReadOnly, n, h, w, output.Span, context.Workspace(_conv.WorkspaceFloats(n, h, w)), context.Parallelism);
        else
            _depthwise!.Run(x.ReadOnly, n, h, w, output.Span, context.Workspace(_depthwise.WorkspaceFloats(n, h, w)), context.Parallelism);
        outputs[0] = output;
    }

    public override long CountMacs(ReadOnlySpan<Value> inputs)
    {
        var x = inputs[0];
        var (oh, ow) = _conv?.OutputSize(x.Shape[1], x.Shape[2]) ?? _depthwise!.OutputSize(x.Shape[1], x.Shape[2]);
        return x.Shape[0] * (long)oh * ow * _macsPerPixel;
    }
}
