using OpenLfr.Testing;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Vision.Tests.Embedding;

public sealed class FusedEmbedderTests
{
    private static string Lfw(string person, int n) => SharedData.PathOf($"datasets/lfw/{person}/{person}_{n:0000}.jpg");

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition", "faceres"], "datasets/lfw")]
    public void Fused_cosine_is_the_weighted_sum_of_the_parts_cosines()
    {
        var spec = EmbedderSpec.FaceApiFaceRes;
        using var analyzer = FaceAnalyzer.Load(new FaceAnalyzerOptions { Embedder = null });
        using var fused = EmbedderFactory.Load(spec);
        var parts = spec.Parts!.Select(p => (Embedder: EmbedderFactory.Load(p.EmbedderId), p.Weight)).ToList();
        try
        {
            var images = new[] { Lfw("George_W_Bush", 1), Lfw("Colin_Powell", 1) }.Select(f => ImageDecoder.Default.Decode(f)).ToList();
            var points = images.Select(i => FaceAnalyzer.Primary(analyzer.Analyze(i, embed: false), i)!.Landmarks).ToList();
            var a = fused.Embed(images[0], [points[0]])[0];
            var b = fused.Embed(images[1], [points[1]])[0];
            Assert.Equal(128 + 1024, a.Dimension);
            Assert.Equal(spec.Id, a.EmbedderId);

            var expected = parts.Sum(p => p.Weight * p.Embedder.Embed(images[0], [points[0]])[0].Similarity(p.Embedder.Embed(images[1], [points[1]])[0]));
            Assert.Equal(expected, a.Similarity(b), 4);
            Assert.Equal(1f, a.Similarity(a), 4);
        }
        finally
        {
            foreach (var (e, _) in parts) e.Dispose();
        }
    }

    [Fact]
    public void Fused_spec_needs_every_parts_models_and_weights_sum_to_one()
    {
        var spec = EmbedderSpec.FaceApiFaceRes;
        Assert.Equal(["faceapi-face_recognition", "faceres"], spec.ModelNames);
        Assert.Equal(1f, spec.Parts!.Sum(p => p.Weight), 3);
    }
}
