using System.Text.Json;
using OpenLfr.Testing;

namespace OpenLfr.Cli.Tests.Commands;

public sealed class FaceCommandsTests
{
    private static string Lfw(string person, int n) => SharedData.PathOf($"datasets/lfw/{person}/{person}_{n:0000}.jpg");

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68"], "datasets/lfw")]
    public void Detect_json_reports_faces_and_a_bad_file_without_stopping()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"openlfr-not-an-image-{Guid.NewGuid():N}.jpg");
        File.WriteAllText(bad, "not an image");
        try
        {
            var r = CliRunner.Run(["detect", "--json", bad, Lfw("Colin_Powell", 1)]);
            Assert.Equal(1, r.ExitCode);
            var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(2, lines.Count);
            Assert.Equal(bad, lines[0].GetProperty("file").GetString());
            Assert.Contains(bad, lines[0].GetProperty("error").GetString());
            var face = Assert.Single(lines[1].GetProperty("faces").EnumerateArray());
            Assert.Equal(4, face.GetProperty("box").GetArrayLength());
            Assert.Equal(5, face.GetProperty("landmarks").GetArrayLength());
            Assert.True(face.GetProperty("score").GetDouble() > 0.5);
            Assert.True(face.GetProperty("quality").TryGetProperty("reasons", out _));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition"], "datasets/lfw")]
    public void Compare_says_possible_match_for_the_same_person_and_no_match_for_others()
    {
        var same = CliRunner.Run(["compare", Lfw("George_W_Bush", 1), Lfw("George_W_Bush", 2)]);
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("possible match", same.Stdout);
        var different = CliRunner.Run(["compare", Lfw("George_W_Bush", 1), Lfw("Colin_Powell", 1)]);
        Assert.Contains("no match", different.Stdout);
    }

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition"], "datasets/lfw")]
    public void Search_finds_the_probe_identity_in_a_folder_gallery()
    {
        var gallery = Path.Combine(Path.GetTempPath(), $"openlfr-gallery-{Guid.NewGuid():N}");
        try
        {
            foreach (var person in new[] { "George_W_Bush", "Colin_Powell", "Tony_Blair" })
            {
                Directory.CreateDirectory(Path.Combine(gallery, person));
                File.Copy(Lfw(person, 1), Path.Combine(gallery, person, $"{person}_0001.jpg"));
            }
            var r = CliRunner.Run(["search", "--gallery", gallery, "--json", "--top", "2", Lfw("Colin_Powell", 2)]);
            Assert.Equal(0, r.ExitCode);
            var doc = JsonDocument.Parse(r.Stdout.Trim()).RootElement;
            var candidates = doc.GetProperty("faces")[0].GetProperty("candidates");
            Assert.Equal("Colin_Powell", candidates[0].GetProperty("identity").GetString());
            Assert.Equal(2, candidates.GetArrayLength());
        }
        finally
        {
            Directory.Delete(gallery, recursive: true);
        }
    }
}
