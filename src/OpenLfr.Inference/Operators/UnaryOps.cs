using System.Numerics;

namespace OpenLfr.Inference.Operators;

/// <summary>An element-wise unary function; <see cref="Vectorized"/> ops also have a SIMD form.</summary>
internal interface IUnaryOp
{
    static abstract bool Vectorized { get; }
    static abstract float Apply(float x);
    static virtual Vector<float> Apply(Vector<float> x) => throw new NotSupportedException();
}

internal struct ReluOp : IUnaryOp
{
    public static bool Vectorized => true;
    public static float Apply(float x) => x > 0 ? x : 0;
    public static Vector<float> Apply(Vector<float> x) => Vector.Max(x, Vector<float>.Zero);
}

internal struct Relu6Op : IUnaryOp
{
    public static bool Vectorized => true;
    public static float Apply(float x) => MathF.Min(MathF.Max(x, 0), 6);
    public static Vector<float> Apply(Vector<float> x) => Vector.Min(Vector.Max(x, Vector<float>.Zero), new Vector<float>(6f));
}

internal struct AbsOp : IUnaryOp
{
    public static bool Vectorized => true;
    public static float Apply(float x) => MathF.Abs(x);
    public static Vector<float> Apply(Vector<float> x) => Vector.Abs(x);
}

internal struct NegOp : IUnaryOp
{
    public static bool Vectorized => true;
    public static float Apply(float x) => -x;
    public static Vector<float> Apply(Vector<float> x) => -x;
}

internal struct SquareOp : IUnaryOp
{
    public static bool Vectorized => true;
    public static float Apply(float x) => x * x;
    public static Vector<float> Apply(Vector<float> x) => x * x;
}

internal struct SqrtOp : IUnaryOp
{
    public static bool Vectorized => true;
    public static float Apply(float x) => MathF.Sqrt(x);
    public static Vector<float> Apply(Vector<float> x) => Vector.SquareRoot(x);
}

internal struct RsqrtOp : IUnaryOp
{
    public static bool Vectorized => false;
    public static float Apply(float x) => 1f / MathF.Sqrt(x);
}

internal struct ReciprocalOp : IUnaryOp
{
    public static bool Vectorized => false;
    public static float Apply(float x) => 1f / x;
}

internal struct ExpOp : IUnaryOp
{
    public static bool Vectorized => false;
    public static float Apply(float x) => MathF.Exp(x);
}

internal struct SigmoidOp : IUnaryOp
{
    public static bool Vectorized => false;
    public static float Apply(float x) => 1f / (1f + MathF.Exp(-x));
}

internal struct TanhOp : IUnaryOp
{
    public static bool Vectorized => false;
    public static float Apply(float x) => MathF.Tanh(x);
}

internal struct CeilOp : IUnaryOp
{
    public static bool Vectorized => true;
    public static float Apply(float x) => MathF.Ceiling(x);
    public static Vector<float> Apply(Vector<float> x) => Vector.Ceiling(x);
}

internal struct FloorOp : IUnaryOp
{
    public static bool Vectorized => true;
    public static float Apply(float x) => MathF.Floor(x);
    public static Vector<float> Apply(Vector<float> x) => Vector.Floor(x);
}

internal struct RoundOp : IUnaryOp
{
    public static bool Vectorized => false;
    public static float Apply(float x) => MathF.Round(x, MidpointRounding.ToEven);
}

/// <summary>Float to integer conversion as TensorFlow's Cast does it: toward zero.</summary>
internal struct TruncateOp : IUnaryOp
{
    public static bool Vectorized => false;
    public static float Apply(float x) => MathF.Truncate(x);
}

/// <summary>Cast to bool: non-zero is true.</summary>
internal struct NonZeroOp : IUnaryOp
{
    public static bool Vectorized => false;
    public static float Apply(float x) => x != 0 ? 1 : 0;
}
