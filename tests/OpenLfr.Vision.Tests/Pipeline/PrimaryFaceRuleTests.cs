using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Vision.Tests.Pipeline;

public sealed class PrimaryFaceRuleTests
{
    private static FaceDetection Face(float x, float y, float size, float score = 0.9f) => new(new BoxF(x, y, size, size), score);

    [Fact]
    public void No_faces_gives_minus_one() => Assert.Equal(-1, PrimaryFaceRule.Select([], 250, 250));

    [Fact]
    public void Of_two_large_faces_the_centred_one_is_the_subject_even_if_smaller()
    {
        // A bystander at the edge, larger than the centred subject.
        var faces = new[] { Face(150, 60, 100), Face(85, 85, 80) };
        Assert.Equal(1, PrimaryFaceRule.Select(faces, 250, 250));
    }

    [Fact]
    public void A_small_face_at_the_centre_does_not_beat_a_large_one_beside_it()
    {
        // A face under half the largest one's area is background, wherever it is.
        var faces = new[] { Face(20, 60, 110), Face(115, 115, 20) };
        Assert.Equal(0, PrimaryFaceRule.Select(faces, 250, 250));
    }

    [Fact]
    public void Equal_distances_go_to_the_larger_face()
    {
        var faces = new[] { Face(100, 50, 50), Face(90, 140, 70) };
        // Centres (125, 75) and (125, 175): both 50 px from (125, 125).
        Assert.Equal(1, PrimaryFaceRule.Select(faces, 250, 250));
    }
}
