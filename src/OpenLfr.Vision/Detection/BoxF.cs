namespace OpenLfr.Vision.Detection;

/// <summary>An axis-aligned rectangle in pixels (floating point): left, top, width, height.</summary>
public readonly record struct BoxF(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;
    public float Bottom => Y + Height;
    public float Area => Math.Max(0, Width) * Math.Max(0, Height);
    public float CenterX => X + Width / 2;
    public float CenterY => Y + Height / 2;

    public static BoxF FromCorners(float left, float top, float right, float bottom) => new(left, top, right - left, bottom - top);

    /// <summary>Intersection over union, 0..1.</summary>
    public float IoU(BoxF other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (w <= 0 || h <= 0) return 0;
        var inter = w * h;
        return inter / (Area + other.Area - inter);
    }

    public BoxF Clip(float width, float height) => FromCorners(
        Math.Clamp(X, 0, width), Math.Clamp(Y, 0, height), Math.Clamp(Right, 0, width), Math.Clamp(Bottom, 0, height));

    /// <summary>Scales about the box centre (e.g. 1.2 adds 10% margin on every side).</summary>
    public BoxF Inflate(float factor) => new(CenterX - Width * factor / 2, CenterY - Height * factor / 2, Width * factor, Height * factor);

    public BoxF Scale(float sx, float sy) => new(X * sx, Y * sy, Width * sx, Height * sy);

    public BoxF Offset(float dx, float dy) => new(X + dx, Y + dy, Width, Height);
}
