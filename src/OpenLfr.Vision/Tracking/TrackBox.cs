namespace OpenLfr.Vision.Tracking;

/// <summary>An axis-aligned box in frame pixels (top-left corner, width, height).</summary>
public readonly record struct TrackBox(float X, float Y, float Width, float Height)
{
    public float CenterX => X + Width / 2;
    public float CenterY => Y + Height / 2;
    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public static TrackBox FromCenter(float cx, float cy, float w, float h) => new(cx - w / 2, cy - h / 2, w, h);

    /// <summary>Intersection over union, 0 when disjoint.</summary>
    public float Iou(TrackBox other)
    {
        var ix = Math.Min(X + Width, other.X + other.Width) - Math.Max(X, other.X);
        var iy = Math.Min(Y + Height, other.Y + other.Height) - Math.Max(Y, other.Y);
        if (ix <= 0 || iy <= 0) return 0;
        var inter = ix * iy;
        return inter / (Area + other.Area - inter);
    }

    /// <summary>Distance between centres in units of the mean side of the two boxes (scale-free).</summary>
    public float CenterDistance(TrackBox other)
    {
        var dx = CenterX - other.CenterX;
        var dy = CenterY - other.CenterY;
        var scale = (Width + Height + other.Width + other.Height) / 4;
        return scale <= 0 ? float.PositiveInfinity : MathF.Sqrt(dx * dx + dy * dy) / scale;
    }
}
