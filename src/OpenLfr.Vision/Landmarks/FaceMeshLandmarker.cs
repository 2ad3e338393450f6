using System.Numerics;
using OpenLfr.Inference;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Landmarks;

/// <summary>
/// Five points from MediaPipe's face mesh (468 points, human-models' facemesh, 192x192 input, values 0..1)
/// run on a square crop around each detected face. Eye centres are the means of each eye's corner and lid
/// points; the nose tip and mouth corners are single mesh points. A second pass re-centres the crop on
/// the first pass's mesh, which is how the mesh model was trained (crop from the previous mesh).
/// Not thread-safe.
/// </summary>
public sealed class FaceMeshLandmarker : IFaceLandmarker
{
    public const string ModelName = "facemesh";
    private const int Size = 192;
    // Mesh indices (subject's right eye is on the image's left).
    private static readonly int[] ImageLeftEye = [33, 133, 159, 145, 160, 144, 158, 153];
    private static readonly int[] ImageRightEye = [362, 263, 386, 374, 385, 380, 387, 373];
    private const int NoseTip = 1, MouthLeft = 61, MouthRight = 291;

    private readonly GraphModel _model;
    private readonly string _input;
    private readonly string _meshOutput;
    private readonly string _flagOutput;

    public FaceMeshLandmarker(GraphModel model)
    {
        _model = model;
        _input = model.InputNames[0];
        // Signature order: contours, faceflag, mesh (Identity, Identity_1, Identity_2).
        _meshOutput = model.OutputNames.FirstOrDefault(n => n.StartsWith("Identity_2", StringComparison.Ordinal)) ?? "Identity_2";
        _flagOutput = model.OutputNames.FirstOrDefault(n => n.StartsWith("Identity_1", StringComparison.Ordinal)) ?? "Identity_1";
    }

    public static FaceMeshLandmarker Load(ModelStore? store = null, InferenceOptions? options = null) =>
        new(GraphModel.Load((store ?? ModelStore.Default()).Require(ModelName), options));

    public string Name => ModelName;

    /// <summary>Crop side relative to the detector box's longer side (first pass).</summary>
    public float DetectorBoxEnlarge { get; init; } = 1.5f;

    /// <summary>Crop side relative to the mesh's own bounding box (second pass).</summary>
    public float MeshBoxEnlarge { get; init; } = 1.5f;

    /// <summary>Passes: 1 = crop from the detector box only; 2 = re-crop around the first mesh.</summary>
    public int Passes { get; init; } = 2;

    public IReadOnlyList<FaceLandmarkResult> Locate(RgbImage image, IReadOnlyList<BoxF> faces)
    {
        if (faces.Count == 0) return [];
        var crops = faces.Select(b =>
        {
            var side = Math.Max(b.Width, b.Height) * DetectorBoxEnlarge;
            return new BoxF(b.CenterX - side / 2, b.CenterY - side / 2, side, side);
        }).ToArray();
        FaceLandmarkResult[] results = [];
        for (var pass = 0; pass < Passes; pass++)
        {
            var (meshes, flags) = RunMesh(image, crops);
            results = new FaceLandmarkResult[faces.Count];
            for (var f = 0; f < faces.Count; f++)
            {
                var mesh = meshes[f];
                results[f] = new FaceLandmarkResult(FivePoints(mesh), flags[f]);
                var minX = mesh.Min(p => p.X); var maxX = mesh.Max(p => p.X);
                var minY = mesh.Min(p => p.Y); var maxY = mesh.Max(p => p.Y);
                var side = Math.Max(maxX - minX, maxY - minY) * MeshBoxEnlarge;
                crops[f] = new BoxF((minX + maxX) / 2 - side / 2, (minY + maxY) / 2 - side / 2, side, side);
            }
        }
        return results;
    }

    private (Vector2[][] Meshes, float[] Flags) RunMesh(RgbImage image, BoxF[] crops)
    {
        var n = crops.Length;
        var input = new Tensor([n, Size, Size, 3]);
        for (var i = 0; i < n; i++)
        {
            var c = crops[i];
            ImageSampler.CropResize(image, c.X, c.Y, c.Width, c.Height, Size, Size, input.Data.AsSpan(i * Size * Size * 3, Size * Size * 3), 1f / 255);
        }
        var outputs = _model.Run(new Dictionary<string, Tensor> { [_input] = input }, [_meshOutput, _flagOutput]);
        var mesh = outputs[_meshOutput].Data;
        var flag = outputs[_flagOutput].Data;
        var points = mesh.Length / n / 3;
        var meshes = new Vector2[n][];
        var flags = new float[n];
        for (var i = 0; i < n; i++)
        {
            var c = crops[i];
            var s = c.Width / Size;
            meshes[i] = new Vector2[points];
            for (var p = 0; p < points; p++)
            {
                var o = (i * points + p) * 3;
                meshes[i][p] = new Vector2(c.X + mesh[o] * s, c.Y + mesh[o + 1] * s);
            }
            var v = flag[i];
            // The face flag is a logit in some exports and a probability in others.
            flags[i] = v is >= 0 and <= 1 ? v : 1 / (1 + MathF.Exp(-v));
        }
        return (meshes, flags);
    }

    private static FaceLandmarks5 FivePoints(Vector2[] mesh)
    {
        static Vector2 Mean(Vector2[] m, int[] idx)
        {
            var sum = Vector2.Zero;
            foreach (var i in idx) sum += m[i];
            return sum / idx.Length;
        }
        var a = Mean(mesh, ImageLeftEye);
        var b = Mean(mesh, ImageRightEye);
        var ml = mesh[MouthLeft];
        var mr = mesh[MouthRight];
        // Keep "left" as the image-left point even for a face seen upside down or mirrored by the mesh.
        if (a.X > b.X) (a, b) = (b, a);
        if (ml.X > mr.X) (ml, mr) = (mr, ml);
        return new FaceLandmarks5(a, b, mesh[NoseTip], ml, mr);
    }

    public void Dispose() => _model.Dispose();
}
