using System.Numerics;

namespace OpenLfr.Vision.Detection;

/// <summary>
/// The five standard face points in image pixels. "Left" and "right" are as seen in the image
/// (the first eye has the smaller x for an upright, frontal face), the order the ArcFace template uses.
/// </summary>
public readonly record struct FaceLandmarks5(Vector2 LeftEye, Vector2 RightEye, Vector2 Nose, Vector2 MouthLeft, Vector2 MouthRight)
{
    public const int Count = 5;

    public Vector2 this[int index] => index switch
    {
        0 => LeftEye,
        1 => RightEye,
        2 => Nose,
        3 => MouthLeft,
        4 => MouthRight,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Distance between the eye centres, in pixels: the usual measure of face size.</summary>
    public float InterEyeDistance => Vector2.Distance(LeftEye, RightEye);

    public Vector2[] ToArray() => [LeftEye, RightEye, Nose, MouthLeft, MouthRight];

    public static FaceLandmarks5 FromArray(ReadOnlySpan<Vector2> points)
    {
        if (points.Length != Count) throw new ArgumentException($"Expected 5 points, got {points.Length}.", nameof(points));
        return new FaceLandmarks5(points[0], points[1], points[2], points[3], points[4]);
    }

    /// <summary>Maps every point through <paramref name="map"/> (e.g. from a crop back to the frame).</summary>
    public FaceLandmarks5 Select(Func<Vector2, Vector2> map) =>
        new(map(LeftEye), map(RightEye), map(Nose), map(MouthLeft), map(MouthRight));
}
