namespace OpenLfr.Inference.Graph;

/// <summary>An edge while building a plan: output <see cref="Index"/> of <see cref="Node"/>.</summary>
internal readonly record struct PlanRef(PlanNode Node, int Index);

/// <summary>A node while the plan is rewritten (folded, fused); <see cref="Def"/> keeps the original attributes.</summary>
internal sealed class PlanNode
{
    public PlanNode(NodeDef def)
    {
        Def = def;
        Name = def.Name;
        Op = def.Op;
        if (def.Constant is { } c) Constants = [c];
    }

    public NodeDef Def { get; }
    public string Name { get; }
    /// <summary>The op to run; "Const" once folded, <see cref="ConvOp"/> once turned into a <see cref="ConvSpec"/>.</summary>
    public string Op { get; set; }
    public List<PlanRef> Inputs { get; } = new();
    /// <summary>Values of a constant node, one per output.</summary>
    public Value[]? Constants { get; set; }
    public ConvSpec? Conv { get; set; }
    /// <summary>A ReLU folded into an element-wise binary op.</summary>
    public bool FusedRelu { get; set; }
    /// <summary>ConcatV2 inputs that are read negated (a Neg folded into the concat).</summary>
    public bool[]? NegatedInputs { get; set; }
    /// <summary>For <see cref="AffineOp"/>: y = x * Scale + Shift; for Pad, the transform of the interior.</summary>
    public float Scale { get; set; } = 1;
    public float Shift { get; set; }
    /// <summary>For Pad with folded affine steps: the border value after the transform.</summary>
    public float? PadFill { get; set; }

    /// <summary>Names of nodes folded into this one, for error messages and debugging.</summary>
    public List<string> Absorbed { get; } = new();

    public const string ConvOp = "#Conv";
    public const string AffineOp = "#Affine";
    public bool IsConstant => Constants is not null;
    public Value Constant(int index = 0) => Constants![index];

    public string Describe() => Absorbed.Count == 0
        ? $"node '{Name}' (op {Def.Op})"
        : $"node '{Name}' (op {Def.Op}, fused with {string.Join(", ", Absorbed)})";
}
