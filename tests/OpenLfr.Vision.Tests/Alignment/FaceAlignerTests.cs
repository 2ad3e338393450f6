using System.Numerics;
using OpenLfr.Vision.Alignment;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Tests.Alignment;

public sealed class FaceAlignerTests
{
    /// <summary>A face's points placed in a frame by a known similarity of the ArcFace template.</summary>
    private static FaceLandmarks5 FaceAt(SimilarityTransform templateToImage) =>
        AlignmentTemplate.ArcFace112.Points.Select(templateToImage.Apply);

    [Fact]
    public void Points_of_a_face_map_onto_the_template()
    {
        var face = FaceAt(SimilarityTransform.FromScaleRotationTranslation(2.2, 0.35, 300, 120));
        var t = AlignmentTemplate.ArcFace112.TransformFor(face);
        for (var i = 0; i < FaceLandmarks5.Count; i++)
            Assert.True(Vector2.Distance(t.Apply(face[i]), AlignmentTemplate.ArcFace112.Points[i]) < 1e-3);
        Assert.Equal(1 / 2.2, t.Scale, 4);
        Assert.Equal(-0.35, t.Angle, 4);
    }

    [Fact]
    public void Warp_samples_the_source_pixel_each_crop_pixel_maps_to()
    {
        // A smooth image (value = linear function of x, y) is reproduced exactly by bilinear sampling.
        var image = new RgbImage(400, 300);
        for (var y = 0; y < 300; y++)
        for (var x = 0; x < 400; x++)
        {
            var p = (y * 400 + x) * 3;
            image.Pixels[p] = (byte)(x / 2);
            image.Pixels[p + 1] = (byte)(y / 2);
            image.Pixels[p + 2] = 77;
        }
        var face = FaceAt(SimilarityTransform.FromScaleRotationTranslation(1.5, 0.2, 120, 60));
        var crop = new float[112 * 112 * 3];
        var toCrop = AlignmentTemplate.ArcFace112.TransformFor(face);
        FaceAligner.Warp(image, toCrop, 112, crop);
        var back = toCrop.Inverse();
        foreach (var (u, v) in new[] { (0, 0), (56, 56), (111, 5), (30, 100) })
        {
            var (sx, sy) = back.Apply(u, v);
            var o = (v * 112 + u) * 3;
            // x/2 truncated to bytes: allow the 1-level staircase of the source.
            Assert.InRange(crop[o], sx / 2 - 1.01, sx / 2 + 0.51);
            Assert.InRange(crop[o + 1], sy / 2 - 1.01, sy / 2 + 0.51);
            Assert.Equal(77f, crop[o + 2], 3);
        }
    }

    [Fact]
    public void Identity_warp_copies_the_image()
    {
        var image = new RgbImage(8, 8);
        new Random(1).NextBytes(image.Pixels);
        var crop = new float[8 * 8 * 3];
        FaceAligner.Warp(image, SimilarityTransform.Identity, 8, crop);
        // The last row/column sample past the edge (black) for their right/bottom neighbour with weight 0.
        for (var i = 0; i < crop.Length; i++) Assert.Equal(image.Pixels[i], crop[i], 3);
    }

    [Fact]
    public void Outside_the_image_is_black()
    {
        var image = new RgbImage(10, 10);
        Array.Fill(image.Pixels, (byte)200);
        var crop = new float[4 * 4 * 3];
        FaceAligner.Warp(image, new SimilarityTransform(1, 0, -100, -100), 4, crop);
        Assert.All(crop, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Looser_templates_keep_the_face_centred_and_smaller()
    {
        var loose = AlignmentTemplate.FromArcFace("test-224", 224, 0.8f);
        var arc = AlignmentTemplate.ArcFace112;
        var arcEyes = arc.Points.InterEyeDistance / 112;
        Assert.Equal(arcEyes * 0.8, loose.Points.InterEyeDistance / 224, 4);
        var midArc = (arc.Points.LeftEye.X + arc.Points.RightEye.X) / 2 - 55.5;
        var midLoose = (loose.Points.LeftEye.X + loose.Points.RightEye.X) / 2 - 111.5;
        Assert.Equal(midArc * 224 / 112 * 0.8, midLoose, 3);
    }
}
