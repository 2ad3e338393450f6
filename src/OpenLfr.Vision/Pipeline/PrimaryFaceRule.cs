using OpenLfr.Vision.Detection;

namespace OpenLfr.Vision.Pipeline;

/// <summary>
/// Which face a still image (an enrolment photo, a probe image, an LFW-style portrait) is about when it shows several:
/// of the faces at least <see cref="MinAreaShareOfLargest"/> of the largest one's area, the one nearest the image
/// centre. Portraits are framed on their subject, while a bystander beside them can be as large or larger: taking
/// simply the largest picked the wrong person in LFW photos of two people side by side.
/// </summary>
public static class PrimaryFaceRule
{
    /// <summary>Faces smaller than this share of the largest face's area are background faces, never the subject.</summary>
    public const float MinAreaShareOfLargest = 0.5f;

    /// <summary>The index of the subject's face in <paramref name="faces"/>, or -1 when there is none.</summary>
    public static int Select(IReadOnlyList<FaceDetection> faces, int imageWidth, int imageHeight)
    {
        ArgumentNullException.ThrowIfNull(faces);
        if (faces.Count == 0) return -1;
        var largest = faces.Max(f => f.Box.Area);
        float cx = imageWidth / 2f, cy = imageHeight / 2f;
        var best = -1;
        var bestDistance = float.MaxValue;
        for (var i = 0; i < faces.Count; i++)
        {
            var box = faces[i].Box;
            if (box.Area < MinAreaShareOfLargest * largest) continue;
            var distance = (box.CenterX - cx) * (box.CenterX - cx) + (box.CenterY - cy) * (box.CenterY - cy);
            if (distance < bestDistance || (distance == bestDistance && box.Area > faces[best].Box.Area))
                (best, bestDistance) = (i, distance);
        }
        return best;
    }
}
