using OpenLfr.Inference.Kernels;
using OpenLfr.Inference.Operators;
using ExecutionContext = OpenLfr.Inference.Operators.ExecutionContext;

namespace OpenLfr.Inference.Graph;

/// <summary>
/// Compiles the part of a graph that the requested outputs need: skips Identity, folds constant subgraphs,
/// turns convolutions and matmuls into <see cref="ConvSpec"/>s and folds into them what follows
/// (bias, batch-norm Mul/Add, ReLU/ReLU6/PReLU, including PReLU spelled as Relu/Abs/Sub/Mul/Add) and a
/// preceding zero Pad. A requested node is never fused away, so any node can still be read by name.
/// </summary>
internal sealed class PlanBuilder
{
    private readonly GraphDef _graph;
    private readonly Dictionary<NodeInput, PlanRef> _refs = new();
    private readonly Dictionary<string, PlanNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<(string Name, PlanRef Ref)> _outputs = new();

    private PlanBuilder(GraphDef graph) => _graph = graph;

    private string ModelPath => _graph.SourcePath;

    public static ExecutionPlan Build(GraphDef graph, IReadOnlyList<string> outputs, Parallelism parallelism)
    {
        var builder = new PlanBuilder(graph);
        foreach (var name in outputs)
        {
            var parsed = NodeInput.Parse(name);
            if (parsed is null || !graph.Nodes.ContainsKey(parsed.Value.Node))
                throw new InferenceException($"{graph.SourcePath}: no node named '{name}' to return. Outputs are node names such as '{graph.Outputs.FirstOrDefault() ?? "..."}'.");
            builder._outputs.Add((name, builder.Resolve(parsed.Value)));
        }
        builder.FoldConstants();
        builder.ConvertConvolutions();
        builder.ConvertScalarAffine();
        while (builder.FuseOnce()) { }
        return builder.Emit(parallelism);
    }

    // Creates plan nodes on demand, looking through Identity-like ops.
    private PlanRef Resolve(NodeInput input)
    {
        if (_refs.TryGetValue(input, out var known)) return known;
        var def = _graph.Nodes[input.Node];
        PlanRef result;
        if (def.Op is "Identity" or "StopGradient" or "Snapshot" or "PreventGradient")
        {
            if (def.Inputs.Count == 0) throw new ModelLoadException($"{ModelPath}: {def} has no input.");
            result = Resolve(def.Inputs[0]);
        }
        else
        {
            if (!_nodes.TryGetValue(def.Name, out var node))
            {
                node = new PlanNode(def);
                _nodes[def.Name] = node;
                foreach (var i in def.Inputs) node.Inputs.Add(Resolve(i));
            }
            result = new PlanRef(node, input.Index);
        }
        _refs[input] = result;
        return result;
    }

    private List<PlanNode> TopologicalOrder()
    {
        var order = new List<PlanNode>();
        var state = new Dictionary<PlanNode, int>();
        var stack = new Stack<(PlanNode Node, int Next)>();
        foreach (var (_, r) in _outputs)
        {
            if (state.ContainsKey(r.Node)) continue;
            stack.Push((r.Node, 0));
            state[r.Node] = 1;
            while (stack.Count > 0)
            {
                var (n, next) = stack.Pop();
                if (next < n.Inputs.Count)
                {
                    stack.Push((n, next + 1));
                    var child = n.Inputs[next].Node;
                    if (!state.TryGetValue(child, out var s))
                    {
                        state[child] = 1;
                        stack.Push((child, 0));
                    }
                    else if (s == 1 && stack.Any(f => f.Node == child))
                        throw new ModelLoadException($"{ModelPath}: the graph has a cycle through {child.Describe()}; control flow is not supported.");
                }
                else
                {
                    state[n] = 2;
                    order.Add(n);
                }
            }
        }
        return order;
    }

    private void FoldConstants()
    {
        using var parallelism = new Parallelism(1);
        var context = new ExecutionContext(parallelism);
        foreach (var node in TopologicalOrder())
        {
            if (node.IsConstant || node.Op == "Placeholder" || ConvSpecReader.IsConvLike(node.Op) || node.Inputs.Count == 0) continue;
            if (!node.Inputs.All(i => i.Node.IsConstant)) continue;
            var op = OperatorFactory.Create(node, ModelPath);
            var inputs = node.Inputs.Select(i => i.Node.Constant(i.Index)).ToArray();
            var outputs = new Value[op.OutputCount];
            try
            {
                op.Run(context, inputs, outputs);
            }
            catch (InvalidOperationException e)
            {
                throw new ModelLoadException($"{ModelPath}: {node.Describe()} fails on its constant inputs: {e.Message}", e);
            }
            node.Constants = outputs.Select(v => Value.Constant(v.ReadOnly.ToArray(), v.Shape, v.Type)).ToArray();
            node.Op = "Const";
            node.Inputs.Clear();
        }
    }

    private void ConvertConvolutions()
    {
        foreach (var node in TopologicalOrder())
        {
            if (!ConvSpecReader.IsConvLike(node.Op)) continue;
            var spec = ConvSpecReader.Read(node, ModelPath)
                ?? throw new ModelLoadException($"{ModelPath}: {node.Describe()} has non-constant weights, which the engine does not support.");
            node.Conv = spec;
            node.Op = PlanNode.ConvOp;
            node.Inputs.RemoveRange(1, node.Inputs.Count - 1);
        }
    }

    // x * c, x + c, x - c, c - x, x / c with a scalar constant c become y = x * a + b, so chains collapse to one pass.
    private void ConvertScalarAffine()
    {
        foreach (var node in TopologicalOrder())
        {
            if (node.Op is not ("Mul" or "Add" or "AddV2" or "Sub" or "RealDiv") || node.Inputs.Count != 2) continue;
            if (node.Def.Attr("T")?.Type is { } t && t != "DT_FLOAT") continue;
            var (a, b) = (node.Inputs[0], node.Inputs[1]);
            var constFirst = a.Node.IsConstant;
            var (x, c) = constFirst ? (b, a) : (a, b);
            if (x.Node.IsConstant || !c.Node.IsConstant) continue;
            var value = c.Node.Constant(c.Index);
            if (value.Length != 1 || value.Rank > 1) continue;
            var v = value.Scalar;
            switch (node.Op)
            {
                case "Mul": node.Scale = v; break;
                case "Add" or "AddV2": node.Shift = v; break;
                case "Sub" when constFirst: node.Scale = -1; node.Shift = v; break;
                case "Sub": node.Shift = -v; break;
                case "RealDiv" when !constFirst: node.Scale = 1 / v; break;
                default: continue;
            }
            node.Op = PlanNode.AffineOp;
            node.Inputs.Clear();
            node.Inputs.Add(x);
        }
    }

    private bool IsRequested(PlanNode node) => _outputs.Any(o => o.Ref.Node == node);

    private Dictionary<PlanNode, List<PlanNode>> Consumers(List<PlanNode> order)
    {
        var result = order.ToDictionary(n => n, _ => new List<PlanNode>());
        foreach (var n in order)
            foreach (var i in n.Inputs) result[i.Node].Add(n);
        return result;
    }

    // One round of fusions; true when anything changed (the caller repeats until stable).
    private bool FuseOnce()
    {
        var order = TopologicalOrder();
        var consumers = Consumers(order);
        foreach (var node in order)
        {
            if (node.Conv is { } spec)
            {
                if (TryFusePad(node, spec, consumers)) return true;
                if (IsRequested(node)) continue;
                if (TryFuseDecomposedPrelu(node, spec, consumers)) return true;
                if (consumers[node] is [var next] && TryFuseFollower(node, spec, next)) return true;
            }
            else if (node.Op is "Add" or "AddV2" or "Sub" or "Mul" or "Maximum" or "Minimum" or "MaxPool" or "AvgPool" or PlanNode.AffineOp
                     && !node.FusedRelu && !IsRequested(node) && consumers[node] is [{ Op: "Relu" } relu])
            {
                node.FusedRelu = true;
                Replace(relu, node);
                return true;
            }
            else if (node.Op == PlanNode.AffineOp && !node.FusedRelu && !IsRequested(node) && consumers[node] is [{ Op: PlanNode.AffineOp } after])
            {
                // (x * a1 + b1) * a2 + b2 = x * (a1 a2) + (b1 a2 + b2)
                var a2 = after.Scale;
                after.Scale = node.Scale * a2;
                after.Shift = node.Shift * a2 + after.Shift;
                after.Inputs[0] = node.Inputs[0];
                after.Absorbed.Add(node.Name);
                return true;
            }
            else if (node.Op == "ConcatV2" && TryFoldNegIntoConcat(node, consumers))
                return true;
            else if (node.Op is "Pad" or "PadV2" && TryFoldAffineIntoPad(node, consumers))
                return true;
        }
        return false;
    }

    private bool TryFusePad(PlanNode node, ConvSpec spec, Dictionary<PlanNode, List<PlanNode>> consumers)
    {
        if (spec.Kind == ConvSpec.Kinds.Dense || spec.Padding != PaddingMode.Valid) return false;
        var pad = node.Inputs[0].Node;
        if (pad.Op is not ("Pad" or "PadV2") || IsRequested(pad) || consumers[pad].Count != 1) return false;
        if (pad.Scale != 1 || pad.Shift != 0 || (pad.PadFill ?? 0) != 0) return false;
        if (!pad.Inputs[1].Node.IsConstant) return false;
        if (pad.Op == "PadV2" && !(pad.Inputs[2].Node.IsConstant && pad.Inputs[2].Node.Constant(pad.Inputs[2].Index).Scalar == 0)) return false;
        var p = pad.Inputs[1].Node.Constant(pad.Inputs[1].Index).ToInts();
        if (p.Length != 8 || p[0] != 0 || p[1] != 0 || p[6] != 0 || p[7] != 0) return false;
        spec.Padding = PaddingMode.Explicit;
        spec.PadTop = p[2]; spec.PadBottom = p[3]; spec.PadLeft = p[4]; spec.PadRight = p[5];
        node.Inputs[0] = pad.Inputs[0];
        node.Absorbed.Add(pad.Name);
        return true;
    }

    // affine -> Pad -> affine becomes one Pad that transforms the interior and writes the transformed border value.
    private bool TryFoldAffineIntoPad(PlanNode pad, Dictionary<PlanNode, List<PlanNode>> consumers)
    {
        float fill;
        if (pad.PadFill is { } f) fill = f;
        else if (pad.Op == "Pad") fill = 0;
        else if (pad.Inputs.Count > 2 && pad.Inputs[2].Node.IsConstant) fill = pad.Inputs[2].Node.Constant(pad.Inputs[2].Index).Scalar;
        else return false;
        var before = pad.Inputs[0].Node;
        if (before.Op == PlanNode.AffineOp && !before.FusedRelu && !IsRequested(before) && consumers[before].Count == 1)
        {
            // interior: (x * a + b) * s + t
            pad.Shift = before.Shift * pad.Scale + pad.Shift;
            pad.Scale = before.Scale * pad.Scale;
            pad.PadFill = fill;
            pad.Inputs[0] = before.Inputs[0];
            pad.Absorbed.Add(before.Name);
            return true;
        }
        if (!IsRequested(pad) && consumers[pad] is [{ Op: PlanNode.AffineOp, FusedRelu: false } after])
        {
            pad.Shift = pad.Shift * after.Scale + after.Shift;
            pad.Scale *= after.Scale;
            pad.PadFill = fill * after.Scale + after.Shift;
            Replace(after, pad);
            return true;
        }
        return false;
    }

    private bool TryFoldNegIntoConcat(PlanNode concat, Dictionary<PlanNode, List<PlanNode>> consumers)
    {
        for (var i = 0; i < concat.Inputs.Count - 1; i++)
        {
            var n = concat.Inputs[i].Node;
            if (n.Op != "Neg" || IsRequested(n) || consumers[n].Count != 1) continue;
            concat.NegatedInputs ??= new bool[concat.Inputs.Count - 1];
            concat.NegatedInputs[i] = true;
            concat.Inputs[i] = n.Inputs[0];
            concat.Absorbed.Add(n.Name);
            return true;
        }
        return false;
    }

    // What follows a conv and can become part of its epilogue.
    private bool TryFuseFollower(PlanNode node, ConvSpec spec, PlanNode next)
    {
        var n = spec.OutChannels;
        float[]? ChannelConstant(out bool convFirst)
        {
            convFirst = false;
            if (next.Inputs.Count != 2) return null;
            var other = next.Inputs[0].Node == node ? next.Inputs[1] : next.Inputs[0];
            convFirst = next.Inputs[0].Node == node;
            if (other.Node == node || !other.Node.IsConstant) return null;
            var c = other.Node.Constant(other.Index);
            if (c.Length != 1 && !(c.Length == n && c.Shape.Length > 0 && c.Shape[^1] == n)) return null;
            return c.ReadOnly.ToArray();
        }
        var act = spec.Activation;
        switch (next.Op)
        {
            case "BiasAdd" or "Add" or "AddV2" when act == Activation.None:
                if (ChannelConstant(out _) is not { } bias) return false;
                spec.AddBias(bias);
                break;
            case "Sub" when act == Activation.None:
                if (ChannelConstant(out var convFirst) is not { } sub || !convFirst) return false;
                spec.AddBias(sub, -1);
                break;
            case "Mul" when act == Activation.None:
                if (ChannelConstant(out _) is not { } scale) return false;
                spec.Scale(scale);
                break;
            case PlanNode.AffineOp when act == Activation.None && !next.FusedRelu:
                spec.Scale([next.Scale]);
                spec.AddBias([next.Shift]);
                break;
            case "Relu":
                if (act is Activation.None) spec.Activation = Activation.Relu;
                else if (act is not (Activation.Relu or Activation.Relu6)) return false;
                break;
            case "Relu6" when act is Activation.None or Activation.Relu:
                spec.Activation = Activation.Relu6;
                break;
            case "Minimum" when act == Activation.Relu:
                if (ChannelConstant(out _) is not [6f]) return false;
                spec.Activation = Activation.Relu6;
                break;
            case "Maximum":
                if (ChannelConstant(out _) is not [0f]) return false;
                if (act == Activation.None) spec.Activation = Activation.Relu;
                else if (act is not (Activation.Relu or Activation.Relu6)) return false;
                break;
            case "Prelu" when act == Activation.None:
                if (next.Inputs[0].Node != node || ChannelConstant(out _) is not { } alpha) return false;
                spec.Activation = Activation.PRelu;
                spec.PreluAlpha = ConvSpecReader.Expand(alpha, n);
                break;
            case "LeakyRelu" when act == Activation.None:
                spec.Activation = Activation.LeakyRelu;
                spec.LeakyAlpha = next.Def.AttrFloat("alpha", 0.2f);
                break;
            default:
                return false;
        }
        Replace(next, node);
        return true;
    }

    // PReLU as some converters spell it: relu(x) + c * (x - |x|)  ==  x > 0 ? x : 2c * x.
    private bool TryFuseDecomposedPrelu(PlanNode x, ConvSpec spec, Dictionary<PlanNode, List<PlanNode>> consumers)
    {
        var users = consumers[x];
        var abs = users.FirstOrDefault(u => u.Op == "Abs");
        if (abs is null || consumers[abs] is not [{ Op: "Sub" } sub] || sub.Inputs[0].Node != x || sub.Inputs[1].Node != abs) return false;
        if (consumers[sub] is not [{ Op: "Mul" or PlanNode.AffineOp } mul]) return false;
        float[] c;
        if (mul.Op == PlanNode.AffineOp)
        {
            // A scalar slope was already turned into an affine step.
            if (mul.Shift != 0 || mul.FusedRelu) return false;
            c = [mul.Scale];
        }
        else
        {
            var cRef = mul.Inputs[0].Node == sub ? mul.Inputs[1] : mul.Inputs[0];
            if (!cRef.Node.IsConstant) return false;
            c = cRef.Node.Constant(cRef.Index).ReadOnly.ToArray();
        }
        var n = spec.OutChannels;
        if (c.Length != 1 && c.Length != n) return false;
        if (consumers[mul] is not [{ Op: "Add" or "AddV2" } add]) return false;
        var other = add.Inputs[0].Node == mul ? add.Inputs[1].Node : add.Inputs[0].Node;
        var relu = other.Op == "Relu" && other.Inputs[0].Node == x ? other : null;
        if (relu is null && other != x) return false;
        // x feeds exactly Abs, Sub and the Relu (or the final Add itself).
        if (users.Count != 3 || !users.Contains(sub) || (relu is null ? !users.Contains(add) : !users.Contains(relu))) return false;
        if (new[] { abs, sub, mul }.Any(IsRequested) || (relu is not null && (IsRequested(relu) || consumers[relu].Count != 1))) return false;
        var cs = ConvSpecReader.Expand(c, n);
        if (relu is not null)
        {
            if (spec.Activation is Activation.Relu or Activation.Relu6) { /* x >= 0 already: the negative branch is zero */ }
            else if (spec.Activation == Activation.None)
            {
                spec.Activation = Activation.PRelu;
                spec.PreluAlpha = cs.Select(v => 2 * v).ToArray();
            }
            else return false;
        }
        else
        {
            // x + c * (x - |x|): identity when x >= 0, (1 + 2c) x otherwise.
            if (spec.Activation is not (Activation.None or Activation.Relu or Activation.Relu6)) return false;
            if (spec.Activation == Activation.None)
            {
                spec.Activation = Activation.PRelu;
                spec.PreluAlpha = cs.Select(v => 1 + 2 * v).ToArray();
            }
        }
        x.Absorbed.AddRange(new[] { abs.Name, sub.Name, mul.Name }.Concat(relu is null ? [] : [relu.Name]));
        Replace(add, x);
        return true;
    }

    // Everything that read `old` now reads `replacement` (whose value now equals old's).
    private void Replace(PlanNode old, PlanNode replacement)
    {
        replacement.Absorbed.Add(old.Name);
        foreach (var n in _nodes.Values)
            for (var i = 0; i < n.Inputs.Count; i++)
                if (n.Inputs[i].Node == old) n.Inputs[i] = new PlanRef(replacement, n.Inputs[i].Index);
        for (var i = 0; i < _outputs.Count; i++)
            if (_outputs[i].Ref.Node == old) _outputs[i] = (_outputs[i].Name, new PlanRef(replacement, _outputs[i].Ref.Index));
    }

    private ExecutionPlan Emit(Parallelism parallelism)
    {
        var order = TopologicalOrder();
        var slots = new Dictionary<(PlanNode, int), int>();
        int SlotOf(PlanNode n, int i)
        {
            if (!slots.TryGetValue((n, i), out var s)) slots[(n, i)] = s = slots.Count;
            return s;
        }
        var constants = new List<(int Slot, Value Value)>();
        var inputs = new List<ExecutionPlan.Input>();
        var steps = new List<ExecutionPlan.Step>();
        foreach (var node in order)
        {
            if (node.IsConstant)
            {
                for (var i = 0; i < node.Constants!.Length; i++) constants.Add((SlotOf(node, i), node.Constants[i]));
                continue;
            }
            if (node.Op == "Placeholder")
            {
                var dims = node.Def.Attr("shape") is not null ? PlaceholderShape(node.Def) : null;
                var type = node.Def.Attr("dtype")?.Type is "DT_INT32" or "DT_INT64" ? DType.Int32 : DType.Float32;
                inputs.Add(new ExecutionPlan.Input(node.Name, SlotOf(node, 0), dims, type));
                continue;
            }
            var op = OperatorFactory.Create(node, ModelPath);
            var ins = node.Inputs.Select(i => SlotOf(i.Node, i.Index)).ToArray();
            var outs = Enumerable.Range(0, op.OutputCount).Select(i => SlotOf(node, i)).ToArray();
            steps.Add(new ExecutionPlan.Step(op, ins, outs, node.Describe()));
        }
        var outputs = _outputs.Select(o => (o.Name, SlotOf(o.Ref.Node, o.Ref.Index))).ToList();
        return new ExecutionPlan(ModelPath, steps, slots.Count, constants, inputs, outputs, parallelism);
    }

    // Placeholder shapes come from the shape attribute as written by the converter (-1 = any).
    private static int[]? PlaceholderShape(NodeDef def) => def.PlaceholderDims;
}
