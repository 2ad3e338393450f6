using OpenLfr.Vision.Embedding;

namespace OpenLfr.Vision.Tests.Embedding;

public sealed class FaceTemplateTests
{
    [Fact]
    public void Templates_are_unit_length_and_similarity_is_cosine()
    {
        var a = new FaceTemplate("mobilefacenet", "1", [3, 4]);
        var b = new FaceTemplate("mobilefacenet", "1", [4, 3]);
        Assert.Equal(1f, a.Vector[0] * a.Vector[0] + a.Vector[1] * a.Vector[1], 5);
        Assert.Equal(24f / 25f, a.Similarity(b), 5);
        Assert.Equal(1f, a.Similarity(a), 5);
    }

    [Fact]
    public void Comparing_templates_of_different_embedders_throws()
    {
        var a = new FaceTemplate("mobilefacenet", "1", [1, 0]);
        var b = new FaceTemplate("faceres", "1", [1, 0]);
        var e = Assert.Throws<TemplateMismatchException>(() => a.Similarity(b));
        Assert.Contains("mobilefacenet@1", e.Message);
        Assert.Contains("faceres@1", e.Message);
    }

    [Fact]
    public void Comparing_templates_of_different_versions_of_one_embedder_throws()
    {
        var a = new FaceTemplate("faceres", "1", [1, 0]);
        var b = new FaceTemplate("faceres", "2", [1, 0]);
        Assert.Throws<TemplateMismatchException>(() => a.Similarity(b));
    }

    [Fact]
    public void Zero_or_non_finite_vectors_are_not_templates()
    {
        Assert.Throws<ArgumentException>(() => new FaceTemplate("x", "1", [0, 0]));
        Assert.Throws<ArgumentException>(() => new FaceTemplate("x", "1", [float.NaN, 1]));
    }
}
