using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>Turns a plan node into its operator. Unknown ops are a <see cref="ModelLoadException"/> naming the node.</summary>
internal static class OperatorFactory
{
    public static Operator Create(PlanNode node, string modelPath)
    {
        var d = node.Def;
        var relu = node.FusedRelu;
        return node.Op switch
        {
            PlanNode.ConvOp => node.Conv!.Kind == ConvSpec.Kinds.Dense ? new DenseOperator(node.Conv) : new ConvOperator(node.Conv),
            PlanNode.AffineOp => new AffineOperator(node.Scale, node.Shift, relu),
            "Add" or "AddV2" or "BiasAdd" => new BinaryOperator<AddOp>(relu),
            "Sub" => new BinaryOperator<SubOp>(relu),
            "Mul" => new BinaryOperator<MulOp>(relu),
            "RealDiv" or "Div" => new BinaryOperator<DivOp>(relu),
            "Maximum" => new BinaryOperator<MaxOp>(relu),
            "Minimum" => new BinaryOperator<MinOp>(relu),
            "SquaredDifference" => new BinaryOperator<SquaredDifferenceOp>(relu),
            "Prelu" => new BinaryOperator<PreluOp>(),
            "Relu" => new UnaryOperator<ReluOp>(),
            "Relu6" => new UnaryOperator<Relu6Op>(),
            "Abs" => new UnaryOperator<AbsOp>(),
            "Neg" => new UnaryOperator<NegOp>(),
            "Square" => new UnaryOperator<SquareOp>(),
            "Sqrt" => new UnaryOperator<SqrtOp>(),
            "Rsqrt" => new UnaryOperator<RsqrtOp>(),
            "Reciprocal" => new UnaryOperator<ReciprocalOp>(),
            "Exp" => new UnaryOperator<ExpOp>(),
            "Sigmoid" => new UnaryOperator<SigmoidOp>(),
            "Tanh" => new UnaryOperator<TanhOp>(),
            "Ceil" => new UnaryOperator<CeilOp>(),
            "Floor" => new UnaryOperator<FloorOp>(),
            "Round" => new UnaryOperator<RoundOp>(),
            "LeakyRelu" => new LeakyReluOperator(d.AttrFloat("alpha", 0.2f)),
            "Cast" => Cast(d),
            "Shape" => new ShapeOperator(),
            "Reshape" => new ReshapeOperator(),
            "Squeeze" => new SqueezeOperator(d.AttrInts("squeeze_dims")),
            "ExpandDims" => new ExpandDimsOperator(),
            "StridedSlice" => new StridedSliceOperator((int)d.AttrInt("begin_mask"), (int)d.AttrInt("end_mask"),
                (int)d.AttrInt("shrink_axis_mask"), (int)d.AttrInt("ellipsis_mask"), (int)d.AttrInt("new_axis_mask")),
            "ConcatV2" => new ConcatOperator(null, node.NegatedInputs),
            "Pack" => new ConcatOperator((int)d.AttrInt("axis")),
            "Unpack" => new UnpackOperator((int)d.AttrInt("axis"), (int)d.AttrInt("num")),
            "Pad" or "PadV2" => new PadOperator(node.Scale, node.Shift, node.PadFill),
            "MaxPool" or "AvgPool" => Pool(d, node.Op == "MaxPool", relu, modelPath),
            "Mean" => new ReduceOperator(ReduceOperator.Kind.Mean, d.AttrBool("keep_dims")),
            "Sum" => new ReduceOperator(ReduceOperator.Kind.Sum, d.AttrBool("keep_dims")),
            "Max" => new ReduceOperator(ReduceOperator.Kind.Max, d.AttrBool("keep_dims")),
            "Min" => new ReduceOperator(ReduceOperator.Kind.Min, d.AttrBool("keep_dims")),
            "Softmax" => new SoftmaxOperator(),
            "ResizeBilinear" => new ResizeBilinearOperator(d.AttrBool("align_corners"), d.AttrBool("half_pixel_centers")),
            "DepthToSpace" => DepthToSpace(d, modelPath),
            _ => throw new ModelLoadException($"{modelPath}: {node.Describe()} uses op '{node.Op}', which the engine does not implement. " +
                 "Request outputs that do not depend on it, or add the op to OpenLfr.Inference/Operators."),
        };
    }

    private static Operator Cast(NodeDef d)
    {
        var src = d.Attr("SrcT")?.Type ?? "DT_FLOAT";
        var dst = d.Attr("DstT")?.Type ?? "DT_FLOAT";
        var srcIsFloat = src is "DT_FLOAT" or "DT_DOUBLE" or "DT_HALF" or "DT_BFLOAT16";
        return dst switch
        {
            "DT_FLOAT" or "DT_DOUBLE" or "DT_HALF" or "DT_BFLOAT16" => new CopyOperator(DType.Float32),
            "DT_BOOL" => new UnaryOperator<NonZeroOp>(DType.Bool),
            _ when srcIsFloat => new UnaryOperator<TruncateOp>(DType.Int32),
            _ => new CopyOperator(DType.Int32),
        };
    }

    private static Operator Pool(NodeDef d, bool max, bool relu, string modelPath)
    {
        var k = d.AttrInts("ksize");
        var s = d.AttrInts("strides");
        var padding = d.AttrString("padding", "VALID");
        if (k.Length != 4 || s.Length != 4 || k[0] != 1 || k[3] != 1 || padding is not ("SAME" or "VALID"))
            throw new ModelLoadException($"{modelPath}: node '{d.Name}' (op {d.Op}) has an unsupported window (ksize [{string.Join(",", k)}], padding {padding}); only NHWC spatial windows with SAME/VALID are supported.");
        return new PoolOperator(max, (int)k[1], (int)k[2], (int)s[1], (int)s[2], padding == "SAME", relu);
    }

    private static Operator DepthToSpace(NodeDef d, string modelPath)
    {
        if (d.AttrString("data_format", "NHWC") != "NHWC")
            throw new ModelLoadException($"{modelPath}: node '{d.Name}' (op DepthToSpace) uses data_format {d.AttrString("data_format")}; only NHWC is supported.");
        return new DepthToSpaceOperator((int)d.AttrInt("block_size"));
    }
}
