using System.Numerics;
using OpenLfr.Vision.Detection;

namespace OpenLfr.Vision.Alignment;

/// <summary>
/// Where an embedder expects the five face points in its square input crop of <see cref="Size"/> pixels.
/// Embedders are trained on crops made this way; feeding them differently framed faces costs accuracy.
/// </summary>
public sealed record AlignmentTemplate(string Name, int Size, FaceLandmarks5 Points)
{
    /// <summary>
    /// The InsightFace/ArcFace 112x112 five-point template (pixel centres at integer coordinates),
    /// the standard for MobileFaceNet-class embedders trained on MS1M/Glint crops.
    /// </summary>
    public static AlignmentTemplate ArcFace112 { get; } = new("arcface-112", 112, new FaceLandmarks5(
        new Vector2(38.2946f, 51.6963f),
        new Vector2(73.5318f, 51.5014f),
        new Vector2(56.0252f, 71.7366f),
        new Vector2(41.5493f, 92.3655f),
        new Vector2(70.7299f, 92.2041f)));

    /// <summary>
    /// dlib's face chip (150x150, padding 0.25): the five points of dlib's mean 68-point face shape (eye centres as
    /// the mean of each eye's six points, nose tip 30, mouth corners 48 and 54), mapped as dlib's
    /// get_face_chip_details does. dlib's ResNet (face-api's recogniser is a port of it) was trained on these chips.
    /// </summary>
    public static AlignmentTemplate Dlib150 { get; } = DlibChip("dlib-150", 150, 0.25f);

    /// <summary>dlib's chip framing for <paramref name="size"/> pixels and <paramref name="padding"/>.</summary>
    public static AlignmentTemplate DlibChip(string name, int size, float padding)
    {
        // Mean-shape coordinates in dlib's unit square (x, y), from the 68-point template.
        Vector2[] unit = [new(0.225492f, 0.215990f), new(0.754761f, 0.215990f), new(0.490127f, 0.515625f),
            new(0.254149f, 0.780233f), new(0.726104f, 0.780233f)];
        var scale = size / (1 + 2 * padding);
        return new AlignmentTemplate(name, size, FaceLandmarks5.FromArray(unit).Select(p => (p + new Vector2(padding)) * scale));
    }

    /// <summary>
    /// The ArcFace template re-framed for a crop of <paramref name="size"/> pixels, with the face shrunk by
    /// <paramref name="zoom"/> (&lt; 1 shows more context around the face) about the crop centre, and
    /// shifted down by <paramref name="shiftY"/> of the crop (positive moves the face down).
    /// Used for embedders whose own pipeline crops a looser box (faceres, face-api).
    /// </summary>
    public static AlignmentTemplate FromArcFace(string name, int size, float zoom, float shiftY = 0)
    {
        var s = size / 112f * zoom;
        var c = (112 - 1) / 2f;
        var centre = (size - 1) / 2f;
        return new AlignmentTemplate(name, size, ArcFace112.Points.Select(p =>
            new Vector2((p.X - c) * s + centre, (p.Y - c) * s + centre + shiftY * size)));
    }

    /// <summary>The transform taking image pixels to this template's crop pixels for a face's points.</summary>
    public SimilarityTransform TransformFor(FaceLandmarks5 face) =>
        SimilarityTransform.Estimate(face.ToArray(), Points.ToArray());
}
