using OpenLfr.Inference.Models;

namespace OpenLfr.Inference.Tests.Models;

public sealed class ModelStoreTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("openlfr-models-test-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Embedded_manifest_lists_every_model_the_pipeline_needs_with_licence_and_origin()
    {
        var manifest = ModelManifest.Embedded;
        string[] required =
        [
            "faceboxes", "mobilefacenet", "faceres", "faceres-deep", "mobileface", "blazeface-back",
            "facemesh-detection-full", "faceapi-face_landmark_68", "faceapi-face_recognition", "faceapi-face_landmark_68", "faceapi-ssd_mobilenetv1",
        ];
        foreach (var name in required)
        {
            var model = manifest.Get(name);
            Assert.NotEmpty(model.Files);
            Assert.All(model.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
            var package = manifest.PackageOf(model);
            Assert.False(string.IsNullOrWhiteSpace(package.License));
            Assert.StartsWith("https://", package.Origin, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_model_name_lists_the_known_ones()
    {
        var e = Assert.Throws<ModelException>(() => ModelManifest.Embedded.Get("no-such-model"));
        Assert.Contains("mobilefacenet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_manifest_is_a_clear_error_naming_the_source()
    {
        var e = Assert.Throws<ModelException>(() => ModelManifest.Parse("{ not json", "broken.json"));
        Assert.Contains("broken.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_reports_missing_files_by_path()
    {
        var store = new ModelStore(_dir.FullName, ModelManifest.Embedded);
        var results = store.Verify(["mobileface"]);
        Assert.All(results, r => Assert.Equal(ModelFileState.Missing, r.State));
        var e = Assert.Throws<ModelException>(() => store.Require("mobileface"));
        Assert.Contains(Path.Combine(_dir.FullName, "mobileface"), e.Message, StringComparison.Ordinal);
        Assert.Contains("./lfr models fetch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_installs_verified_files_and_repairs_a_flipped_byte()
    {
        const string model = "faceapi-face_landmark_68";
        var store = new ModelStore(_dir.FullName, ModelManifest.Embedded);
        Assert.Equal(2, new ModelFetcher(store).Fetch([model]));
        Assert.All(store.Verify([model]), r => Assert.True(r.IsOk, r.ToString()));

        var entry = store.Manifest.Get(model);
        var bin = store.PathOf(entry, entry.Files.First(f => f.Path.EndsWith(".bin", StringComparison.Ordinal)));
        var bytes = File.ReadAllBytes(bin);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(bin, bytes);

        var bad = Assert.Single(store.Verify([model]), r => !r.IsOk);
        Assert.Equal(ModelFileState.WrongChecksum, bad.State);
        Assert.Contains("face_landmark_68_model.bin", bad.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, new ModelFetcher(store).Fetch([model]));
        Assert.All(store.Verify([model]), r => Assert.True(r.IsOk, r.ToString()));
        Assert.Empty(Directory.GetFiles(_dir.FullName, "*.partial-*", SearchOption.AllDirectories));
    }
}
