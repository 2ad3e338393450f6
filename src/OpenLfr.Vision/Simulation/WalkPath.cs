namespace OpenLfr.Vision.Simulation;

/// <summary>
/// Where one person's face is over time: a straight walk from a start to an end point (crossing the
/// frame or approaching the camera) with the face growing as it nears, a small walking bob, and
/// lighting that changes along the way. Positions are face-box centres in frame pixels.
/// </summary>
internal sealed record WalkPath(double Start, double End, float X0, float Y0, float X1, float Y1, float Size0, float Size1, float Gain0, float Gain1, float BobPhase)
{
    public bool ActiveAt(double t) => t >= Start && t <= End;

    /// <summary>Face centre, face side and brightness gain at time <paramref name="t"/> (seconds).</summary>
    public (float X, float Y, float Size, float Gain) At(double t)
    {
        var f = (float)Math.Clamp((t - Start) / (End - Start), 0, 1);
        var size = Size0 + (Size1 - Size0) * f;
        var bob = 0.03f * size * MathF.Sin(BobPhase + (float)(t * 2 * Math.PI * 1.8));
        return (X0 + (X1 - X0) * f, Y0 + (Y1 - Y0) * f + bob, size, Gain0 + (Gain1 - Gain0) * f);
    }
}
