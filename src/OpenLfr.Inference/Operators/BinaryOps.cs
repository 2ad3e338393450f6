using System.Numerics;

namespace OpenLfr.Inference.Operators;

/// <summary>An element-wise binary function in scalar and SIMD form, so loops are generated per op without virtual calls.</summary>
internal interface IBinaryOp
{
    static abstract float Apply(float a, float b);
    static abstract Vector<float> Apply(Vector<float> a, Vector<float> b);
}

internal struct AddOp : IBinaryOp
{
    public static float Apply(float a, float b) => a + b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a + b;
}

internal struct SubOp : IBinaryOp
{
    public static float Apply(float a, float b) => a - b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a - b;
}

internal struct MulOp : IBinaryOp
{
    public static float Apply(float a, float b) => a * b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a * b;
}

internal struct DivOp : IBinaryOp
{
    public static float Apply(float a, float b) => a / b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a / b;
}

internal struct MaxOp : IBinaryOp
{
    public static float Apply(float a, float b) => float.IsNaN(a) || float.IsNaN(b) ? float.NaN : MathF.Max(a, b);
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.Max(a, b);
}

internal struct MinOp : IBinaryOp
{
    public static float Apply(float a, float b) => float.IsNaN(a) || float.IsNaN(b) ? float.NaN : MathF.Min(a, b);
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.Min(a, b);
}

internal struct SquaredDifferenceOp : IBinaryOp
{
    public static float Apply(float a, float b) => (a - b) * (a - b);
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => (a - b) * (a - b);
}

/// <summary>PReLU with the slope as second operand: x &gt; 0 ? x : alpha * x.</summary>
internal struct PreluOp : IBinaryOp
{
    public static float Apply(float a, float b) => a > 0 ? a : a * b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.ConditionalSelect(Vector.GreaterThan(a, Vector<float>.Zero), a, a * b);
}
