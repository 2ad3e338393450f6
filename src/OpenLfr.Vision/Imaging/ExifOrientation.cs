namespace OpenLfr.Vision.Imaging;

/// <summary>
/// The EXIF/TIFF Orientation tag (0x0112): how the stored pixels must be turned to show the picture
/// upright. Phones store the sensor's rows as they came and set this tag instead of rotating.
/// The members are in the tag's order, so each numeric value is the tag's own (1-8).
/// </summary>
internal enum ExifOrientation
{
    /// <summary>1: stored upright.</summary>
    Normal = 1,

    /// <summary>2: mirrored left to right.</summary>
    FlipHorizontal,

    /// <summary>3: upside down.</summary>
    Rotate180,

    /// <summary>4: mirrored top to bottom.</summary>
    FlipVertical,

    /// <summary>5: mirrored across the top-left to bottom-right diagonal.</summary>
    Transpose,

    /// <summary>6: must be turned 90 degrees clockwise to be upright (a phone held upright, home button down).</summary>
    Rotate90Clockwise,

    /// <summary>7: mirrored across the top-right to bottom-left diagonal.</summary>
    Transverse,

    /// <summary>8: must be turned 90 degrees anticlockwise to be upright.</summary>
    Rotate90Anticlockwise,
}
