using System.Numerics;
using OpenLfr.Inference;
using OpenLfr.Inference.FaceApi;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Landmarks;

/// <summary>
/// Five points from face-api's 68-point landmark net (the iBUG 68 layout dlib uses) on a square crop around each
/// face: eye centres as the means of each eye's six points, nose tip 30, mouth corners 48 and 54. A second pass
/// re-crops around the first pass's points. The net gives no face confidence, so <see cref="FaceLandmarkResult.Confidence"/>
/// is 1. Not thread-safe.
/// </summary>
public sealed class FaceApi68Landmarker : IFaceLandmarker
{
    public const string ModelName = "faceapi-face_landmark_68";
    private const int Size = FaceApiLandmark68Net.InputSize;

    private readonly FaceApiLandmark68Net _net;

    public FaceApi68Landmarker(FaceApiLandmark68Net net) => _net = net;

    public static FaceApi68Landmarker Load(ModelStore? store = null, InferenceOptions? options = null) =>
        new(FaceApiLandmark68Net.Load((store ?? ModelStore.Default()).Require(ModelName), options));

    public string Name => "faceapi68";

    /// <summary>Crop side relative to the detector box's longer side (first pass).</summary>
    public float DetectorBoxEnlarge { get; init; } = 1.1f;

    /// <summary>Crop side relative to the 68 points' extent (second pass).</summary>
    public float PointsBoxEnlarge { get; init; } = 1.1f;

    public IReadOnlyList<FaceLandmarkResult> Locate(RgbImage image, IReadOnlyList<BoxF> faces)
    {
        if (faces.Count == 0) return [];
        var crops = faces.Select(b => Square(b.CenterX, b.CenterY, Math.Max(b.Width, b.Height) * DetectorBoxEnlarge)).ToArray();
        var points = Run(image, crops);
        for (var f = 0; f < faces.Count; f++)
        {
            var p = points[f];
            float minX = p.Min(v => v.X), maxX = p.Max(v => v.X), minY = p.Min(v => v.Y), maxY = p.Max(v => v.Y);
            crops[f] = Square((minX + maxX) / 2, (minY + maxY) / 2, Math.Max(maxX - minX, maxY - minY) * PointsBoxEnlarge);
        }
        points = Run(image, crops);
        return points.Select(p => new FaceLandmarkResult(FivePoints(p), 1f)).ToList();
    }

    private static BoxF Square(float cx, float cy, float side) => new(cx - side / 2, cy - side / 2, side, side);

    private Vector2[][] Run(RgbImage image, BoxF[] crops)
    {
        var n = crops.Length;
        var per = Size * Size * 3;
        var input = new Tensor([n, Size, Size, 3]);
        for (var i = 0; i < n; i++)
            ImageSampler.CropResize(image, crops[i].X, crops[i].Y, crops[i].Width, crops[i].Height, Size, Size, input.Data.AsSpan(i * per, per));
        var output = _net.Run(input).Data;
        var result = new Vector2[n][];
        for (var i = 0; i < n; i++)
        {
            var c = crops[i];
            result[i] = new Vector2[68];
            for (var k = 0; k < 68; k++)
                result[i][k] = new Vector2(c.X + output[i * 136 + 2 * k] * c.Width, c.Y + output[i * 136 + 2 * k + 1] * c.Height);
        }
        return result;
    }

    private static FaceLandmarks5 FivePoints(Vector2[] p)
    {
        static Vector2 Mean(Vector2[] m, int from) => (m[from] + m[from + 1] + m[from + 2] + m[from + 3] + m[from + 4] + m[from + 5]) / 6;
        var a = Mean(p, 36);
        var b = Mean(p, 42);
        Vector2 ml = p[48], mr = p[54];
        if (a.X > b.X) (a, b) = (b, a);
        if (ml.X > mr.X) (ml, mr) = (mr, ml);
        return new FaceLandmarks5(a, b, p[30], ml, mr);
    }

    public void Dispose() => _net.Dispose();
}
