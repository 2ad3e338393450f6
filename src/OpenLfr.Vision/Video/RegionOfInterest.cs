using System.Globalization;

namespace OpenLfr.Vision.Video;

/// <summary>
/// The "small, targeted area" a camera watches, in detect-frame pixels. Faces whose centre lies
/// outside it are ignored: they are not detected, tracked, embedded or counted.
/// </summary>
public readonly record struct RegionOfInterest(int X, int Y, int Width, int Height)
{
    /// <summary>The whole frame.</summary>
    public static RegionOfInterest Full(int width, int height) => new(0, 0, width, height);

    /// <summary>Parses "x,y,w,h" (integers, detect-frame pixels); throws <see cref="FormatException"/> saying what is expected.</summary>
    public static RegionOfInterest Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || !parts.All(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            throw new FormatException($"Region of interest '{text}' is invalid; expected x,y,w,h in pixels, e.g. 100,50,640,480.");
        var v = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (v[0] < 0 || v[1] < 0 || v[2] <= 0 || v[3] <= 0)
            throw new FormatException($"Region of interest '{text}' is invalid; x and y must be >= 0 and w, h > 0.");
        return new RegionOfInterest(v[0], v[1], v[2], v[3]);
    }

    /// <summary>This region clipped to a frame; throws when nothing of it is inside the frame.</summary>
    public RegionOfInterest ClipTo(int frameWidth, int frameHeight)
    {
        var x0 = Math.Clamp(X, 0, frameWidth);
        var y0 = Math.Clamp(Y, 0, frameHeight);
        var x1 = Math.Clamp(X + Width, 0, frameWidth);
        var y1 = Math.Clamp(Y + Height, 0, frameHeight);
        if (x1 <= x0 || y1 <= y0)
            throw new ArgumentException($"Region of interest {this} lies outside the {frameWidth}x{frameHeight} frame; give it in detect-frame pixels.");
        return new RegionOfInterest(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>True when the point (e.g. a face box centre) is inside.</summary>
    public bool Contains(double x, double y) => x >= X && y >= Y && x < X + Width && y < Y + Height;

    public override string ToString() => $"{X},{Y},{Width},{Height}";
}
