using System.Numerics;
using OpenLfr.Vision.Alignment;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Quality;

namespace OpenLfr.Vision.Tests.Quality;

public sealed class QualityAssessorTests
{
    private static FaceLandmarks5 Frontal(float scale, float x = 0, float y = 0) =>
        AlignmentTemplate.ArcFace112.Points.Select(p => p * scale + new Vector2(x, y));

    /// <summary>A textured, mid-grey image: sharp, well exposed.</summary>
    private static RgbImage Textured(int size)
    {
        var image = new RgbImage(size, size);
        var random = new Random(5);
        for (var i = 0; i < image.Pixels.Length; i += 3)
        {
            var v = (byte)random.Next(60, 200);
            image.Pixels[i] = image.Pixels[i + 1] = image.Pixels[i + 2] = v;
        }
        return image;
    }

    [Fact]
    public void A_good_face_has_no_reasons_and_a_high_score()
    {
        var q = new QualityAssessor().Assess(Textured(300), new BoxF(20, 20, 220, 240), Frontal(2, 20, 20), 0.98f);
        Assert.True(q.IsAcceptable, string.Join("; ", q.Reasons));
        Assert.True(q.Score > 0.8f, $"score {q.Score}");
    }

    [Fact]
    public void Enrolment_rejects_face_narrower_than_minimum_and_says_by_how_much()
    {
        var q = new QualityAssessor().Assess(Textured(300), new BoxF(20, 20, 31, 40), Frontal(0.3f, 20, 20), 0.98f);
        var reason = Assert.Single(q.Reasons, r => r.Code == "too-small");
        Assert.Equal("face 31 px wide, minimum 40", reason.Message);
        Assert.Contains(q.Reasons, r => r.Code == "eyes-too-close");
        Assert.False(q.IsAcceptable);
    }

    [Fact]
    public void Flat_grey_face_is_blurry_and_low_contrast()
    {
        var image = new RgbImage(300, 300);
        Array.Fill(image.Pixels, (byte)128);
        var q = new QualityAssessor().Assess(image, new BoxF(20, 20, 220, 240), Frontal(2, 20, 20), 0.98f);
        Assert.Contains(q.Reasons, r => r.Code == "blurry");
        Assert.Contains(q.Reasons, r => r.Code == "low-contrast");
        Assert.True(q.Score < 0.1f);
    }

    [Fact]
    public void Dark_and_bright_faces_are_named()
    {
        var dark = new RgbImage(300, 300);
        Array.Fill(dark.Pixels, (byte)10);
        Assert.Contains(new QualityAssessor().Assess(dark, new BoxF(20, 20, 220, 240), Frontal(2, 20, 20), 0.98f).Reasons, r => r.Code == "too-dark");
        var bright = new RgbImage(300, 300);
        Array.Fill(bright.Pixels, (byte)250);
        Assert.Contains(new QualityAssessor().Assess(bright, new BoxF(20, 20, 220, 240), Frontal(2, 20, 20), 0.98f).Reasons, r => r.Code == "too-bright");
    }

    [Fact]
    public void Low_detector_score_is_a_reason()
    {
        var q = new QualityAssessor().Assess(Textured(300), new BoxF(20, 20, 220, 240), Frontal(2, 20, 20), 0.4f);
        Assert.Contains(q.Reasons, r => r.Code == "low-detector-score" && r.Message == "detector confidence 0.40, minimum 0.70");
    }

    [Fact]
    public void Pose_of_the_template_is_frontal_and_roll_is_measured()
    {
        var (yaw, pitch, roll) = QualityAssessor.EstimatePose(Frontal(2));
        Assert.InRange(yaw, -2, 2);
        Assert.InRange(pitch, -2, 2);
        Assert.InRange(roll, -1, 1);
        var rotated = Frontal(2).Select(p => Vector2.Transform(p, Matrix3x2.CreateRotation(0.5f)));
        var (yaw2, pitch2, roll2) = QualityAssessor.EstimatePose(rotated);
        Assert.InRange(roll2, 27, 30.5f);
        Assert.InRange(yaw2, -2, 2);
        Assert.InRange(pitch2, -2, 2);
    }

    [Fact]
    public void Nose_moving_towards_an_eye_is_a_turned_head()
    {
        var f = Frontal(2);
        var turned = f with { Nose = f.Nose + new Vector2(f.InterEyeDistance * 0.6f, 0) };
        var (yaw, _, _) = QualityAssessor.EstimatePose(turned);
        Assert.True(yaw > 35, $"yaw {yaw}");
        var q = new QualityAssessor().Assess(Textured(300), new BoxF(20, 20, 220, 240), turned.Select(p => p + new Vector2(20, 20)), 0.98f);
        Assert.Contains(q.Reasons, r => r.Code == "turned-sideways");
        var down = f with { Nose = f.Nose + new Vector2(0, 25) };
        Assert.True(QualityAssessor.EstimatePose(down).Pitch > 30);
    }
}
