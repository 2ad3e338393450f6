using OpenLfr.Inference;
using OpenLfr.Testing;

namespace OpenLfr.Inference.Tests.Parity;

/// <summary>
/// MobileFaceNet on real LFW faces (not noise) against TensorFlow.js. On real faces this model's embeddings are all
/// nearly the same vector (cosine ~0.99+ between different people, in TF.js too), so plain output cosine cannot tell
/// a faithful engine from a broken one; the test compares the part that varies between faces (the difference of two
/// people's embeddings), which is what identification depends on.
/// </summary>
public sealed class MobilefacenetRealFaceParityTests
{
    private static readonly string[] Faces =
        ["datasets/lfw/George_W_Bush/George_W_Bush_0001.jpg", "datasets/lfw/Colin_Powell/Colin_Powell_0001.jpg"];

    /// <summary>A centre crop of a 250x250 LFW image (roughly the face box) resized to 112x112 by ffmpeg, 0..1 as human feeds it.</summary>
    private static float[] CentreCrop(string relative)
    {
        var file = Path.Combine(Path.GetTempPath(), $"openlfr-mfn-{Environment.ProcessId}-{Path.GetFileNameWithoutExtension(relative)}.rgb");
        try
        {
            TestVideos.Run("-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", SharedData.PathOf(relative),
                "-vf", "crop=110:110:70:75,scale=112:112", "-f", "rawvideo", "-pix_fmt", "rgb24", file);
            return File.ReadAllBytes(file).Select(b => b / 255f).ToArray();
        }
        finally { File.Delete(file); }
    }

    [RequiresTfjsAndLfwFact]
    public void Difference_between_two_people_matches_tfjs_on_real_faces()
    {
        var path = OpenLfr.Testing.Models.Store.Require("mobilefacenet");
        using var graph = GraphModel.Load(path, new InferenceOptions { Threads = 2 });
        var input = new Tensor([2, 112, 112, 3]);
        var offset = 0;
        foreach (var f in Faces)
        {
            var crop = CentreCrop(f);
            crop.CopyTo(input.Data, offset);
            offset += crop.Length;
        }
        var reference = TfjsReference.Compute("graph", path, "img_inputs", input, ["embeddings"])[0];
        var actual = graph.Run(new Dictionary<string, Tensor> { ["img_inputs"] = input }, ["embeddings"])["embeddings"];
        ParityAssert.Close(reference, actual, "mobilefacenet embeddings (real faces)", minCosinePerRow: 0.99999);
        var d = reference.Shape[^1];
        var refDiff = Enumerable.Range(0, d).Select(i => (double)reference.Data[i] - reference.Data[d + i]).ToArray();
        var ourDiff = Enumerable.Range(0, d).Select(i => (double)actual.Data[i] - actual.Data[d + i]).ToArray();
        var cos = refDiff.Zip(ourDiff, (a, b) => a * b).Sum() / Math.Sqrt(refDiff.Sum(a => a * a) * ourDiff.Sum(b => b * b));
        Assert.True(cos >= 0.999, $"difference of the two people's embeddings: cosine {cos:F5} to TF.js's, expected >= 0.999");
    }
}

/// <summary>Needs Node.js, the mobilefacenet model and LFW; skipped with the reason otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresTfjsAndLfwFactAttribute : FactAttribute
{
    public RequiresTfjsAndLfwFactAttribute()
    {
        Skip = new RequiresTfjsFactAttribute("mobilefacenet").Skip ?? new RequiresSharedDataFactAttribute("datasets/lfw").Skip;
    }
}
