namespace OpenLfr.Vision.Detection;

/// <summary>Settings for a detection pass.</summary>
public sealed record FaceDetectorOptions
{
    /// <summary>Minimum detector confidence (0..1) for a face to be reported.</summary>
    public float MinScore { get; init; } = 0.5f;

    /// <summary>Overlap (IoU) above which the weaker of two boxes is dropped.</summary>
    public float NmsIoU { get; init; } = 0.35f;

    public int MaxFaces { get; init; } = 200;

    /// <summary>
    /// Resize factor applied before detection. FaceBoxes' smallest anchor is 32 px, so faces of
    /// ~20-24 px (small faces in 1080p, any face in low-resolution video) need an upscale of ~1.5-2;
    /// the cost grows with the square of the factor. 0 = choose automatically from the image size.
    /// </summary>
    public float Scale { get; init; }

    /// <summary>Only this region of the image is searched (null = the whole image).</summary>
    public BoxF? RegionOfInterest { get; init; }

    /// <summary>The automatic scale: upscale small frames (so their faces reach the anchors), cap the work on large ones.</summary>
    public float ResolveScale(float regionWidth, float regionHeight)
    {
        if (Scale > 0) return Scale;
        var longSide = Math.Max(regionWidth, regionHeight);
        // Small frames (CCTV substreams, 480x270 clips, LFW's 250x250) carry small faces: double them.
        if (longSide <= 640) return 2f;
        return 1f;
    }
}
