using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Graph;

/// <summary>Reads Conv2D / DepthwiseConv2dNative / MatMul and their TF "fused" forms into a <see cref="ConvSpec"/>.</summary>
internal static class ConvSpecReader
{
    public static bool IsConvLike(string op) => op is "Conv2D" or "_FusedConv2D" or "DepthwiseConv2dNative"
        or "FusedDepthwiseConv2dNative" or "MatMul" or "_FusedMatMul";

    /// <summary>The spec, or null when the weights are not constant (then the node cannot run on our kernels).</summary>
    public static ConvSpec? Read(PlanNode node, string modelPath)
    {
        var d = node.Def;
        if (node.Inputs.Count < 2 || !node.Inputs[1].Node.IsConstant) return null;
        var filter = node.Inputs[1].Node.Constant(node.Inputs[1].Index);
        string Where() => $"{modelPath}: {node.Describe()}";
        ConvSpec spec;
        if (d.Op is "MatMul" or "_FusedMatMul")
        {
            if (d.AttrBool("transpose_a")) throw new ModelLoadException($"{Where()}: transpose_a is not supported.");
            if (filter.Rank != 2) throw new ModelLoadException($"{Where()}: weights have shape {filter.ShapeText}; expected [K,N].");
            spec = new ConvSpec
            {
                Kind = ConvSpec.Kinds.Dense, Filter = filter.ReadOnly.ToArray(), FilterShape = (int[])filter.Shape.Clone(),
                TransposeWeights = d.AttrBool("transpose_b"),
            };
        }
        else
        {
            if (d.AttrString("data_format", "NHWC") != "NHWC")
                throw new ModelLoadException($"{Where()}: data_format {d.AttrString("data_format")} is not supported (NHWC only).");
            if (filter.Rank != 4) throw new ModelLoadException($"{Where()}: filter has shape {filter.ShapeText}; expected 4-D.");
            var strides = d.AttrInts("strides");
            var dilations = d.AttrInts("dilations");
            var padding = d.AttrString("padding", "VALID");
            spec = new ConvSpec
            {
                Kind = d.Op.Contains("Depthwise") ? ConvSpec.Kinds.Depthwise : ConvSpec.Kinds.Conv2D,
                Filter = filter.ReadOnly.ToArray(),
                FilterShape = (int[])filter.Shape.Clone(),
                StrideH = strides.Length == 4 ? (int)strides[1] : 1,
                StrideW = strides.Length == 4 ? (int)strides[2] : 1,
                DilationH = dilations.Length == 4 ? (int)dilations[1] : 1,
                DilationW = dilations.Length == 4 ? (int)dilations[2] : 1,
            };
            switch (padding)
            {
                case "SAME": spec.Padding = PaddingMode.Same; break;
                case "VALID": spec.Padding = PaddingMode.Valid; break;
                case "EXPLICIT":
                    var p = d.AttrInts("explicit_paddings");
                    if (p.Length != 8) throw new ModelLoadException($"{Where()}: EXPLICIT padding without 8 explicit_paddings.");
                    spec.Padding = PaddingMode.Explicit;
                    spec.PadTop = (int)p[2]; spec.PadBottom = (int)p[3]; spec.PadLeft = (int)p[4]; spec.PadRight = (int)p[5];
                    break;
                default: throw new ModelLoadException($"{Where()}: padding '{padding}' is not supported.");
            }
        }
        ApplyFusedOps(node, spec, Where);
        return spec;
    }

    private static void ApplyFusedOps(PlanNode node, ConvSpec spec, Func<string> where)
    {
        var d = node.Def;
        var fused = d.AttrStrings("fused_ops");
        if (fused.Length == 0) return;
        var args = node.Inputs.Skip(2).ToList();
        if (args.Any(a => !a.Node.IsConstant)) throw new ModelLoadException($"{where()}: fused arguments are not constant.");
        float[] Arg(int i)
        {
            if (i >= args.Count) throw new ModelLoadException($"{where()}: fused op list [{string.Join(",", fused)}] needs more arguments than the node has.");
            return args[i].Node.Constant(args[i].Index).ReadOnly.ToArray();
        }
        var next = 0;
        foreach (var op in fused)
        {
            switch (op)
            {
                case "BiasAdd":
                    spec.AddBias(CheckChannels(Arg(next++), spec, where));
                    break;
                case "FusedBatchNorm":
                    // args: scale, offset, mean, variance; y = (x - mean) * scale / sqrt(var + eps) + offset
                    var scale = Arg(0); var offset = Arg(1); var mean = Arg(2); var variance = Arg(3);
                    next = 4;
                    var eps = d.AttrFloat("epsilon", 0.001f);
                    var n = spec.OutChannels;
                    var factor = new float[n];
                    var shift = new float[n];
                    for (var o = 0; o < n; o++)
                    {
                        factor[o] = scale[o] / MathF.Sqrt(variance[o] + eps);
                        shift[o] = offset[o] - mean[o] * factor[o];
                    }
                    spec.Scale(factor);
                    spec.AddBias(shift);
                    break;
                case "Relu": spec.Activation = Activation.Relu; break;
                case "Relu6": spec.Activation = Activation.Relu6; break;
                case "Prelu":
                    spec.Activation = Activation.PRelu;
                    spec.PreluAlpha = Expand(CheckChannels(Arg(next++), spec, where), spec.OutChannels);
                    break;
                case "LeakyRelu":
                    spec.Activation = Activation.LeakyRelu;
                    spec.LeakyAlpha = d.AttrFloat("leakyrelu_alpha", 0.2f);
                    break;
                default:
                    throw new ModelLoadException($"{where()}: fused op '{op}' is not supported.");
            }
        }
    }

    public static float[] CheckChannels(float[] values, ConvSpec spec, Func<string> where)
    {
        if (values.Length != spec.OutChannels && values.Length != 1)
            throw new ModelLoadException($"{where()}: a per-channel argument has {values.Length} values but the layer has {spec.OutChannels} output channels.");
        return values;
    }

    public static float[] Expand(float[] values, int n)
    {
        if (values.Length == n) return values;
        var result = new float[n];
        Array.Fill(result, values[0]);
        return result;
    }
}
