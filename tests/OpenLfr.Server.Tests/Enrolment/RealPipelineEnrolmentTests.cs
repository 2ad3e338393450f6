using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Enrolment;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Testing;
using OpenLfr.Vision.Media;

namespace OpenLfr.Server.Tests.Enrolment;

/// <summary>Enrolment through the HTTP API with the real face pipeline (OpenLfr.Vision), on both databases.</summary>
public sealed class RealPipelineEnrolmentTests
{
    // One pipeline for the test run: loading the models costs seconds.
    private static readonly Lazy<VisionFaceEnrolmentAnalyzer> Pipeline = new(() => new VisionFaceEnrolmentAnalyzer());

    [RequiresModelsAndDataTheory(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition"], "datasets/lfw")]
    [MemberData(nameof(DatabaseKind.Both), MemberType = typeof(DatabaseKind))]
    public async Task Real_faces_are_accepted_and_faceless_or_corrupt_images_are_not(string database)
    {
        using var factory = new LfrFactory(database, analyzer: Pipeline.Value);
        var s = await Scenario.CreateAsync(factory);
        var watchlistId = await s.CreateWatchlistAsync();
        var first = await s.AddSubjectAsync(watchlistId, "W-001");
        var second = await s.AddSubjectAsync(watchlistId, "W-002");
        var bush = Directory.GetFiles(SharedData.PathOf("datasets/lfw/George_W_Bush")).OrderBy(f => f, StringComparer.Ordinal).ToList();

        var report = await s.EnrolAsync(watchlistId, first, ("bush1.jpg", File.ReadAllBytes(bush[0])), ("blank.jpg", BlankJpeg()));
        var verdicts = report.GetProperty("images").EnumerateArray().ToList();
        Assert.True(verdicts[0].GetProperty("accepted").GetBoolean(), verdicts[0].ToString());
        Assert.False(verdicts[1].GetProperty("accepted").GetBoolean());
        Assert.Contains("No face", verdicts[1].GetProperty("reasons")[0].GetString());

        // Another image of the same man under another reference is flagged as a likely duplicate.
        var again = await s.EnrolAsync(watchlistId, second, ("bush2.jpg", File.ReadAllBytes(bush[1])));
        Assert.True(again.GetProperty("images")[0].GetProperty("accepted").GetBoolean());
        Assert.Equal(first, again.GetProperty("possibleDuplicate").GetProperty("subjectId").GetGuid());

        // A file that claims to be a JPEG but is not readable refuses the whole upload.
        var corrupt = new byte[4000];
        new Random(1).NextBytes(corrupt);
        corrupt[0] = 0xFF; corrupt[1] = 0xD8; corrupt[2] = 0xFF;
        var response = await s.Manager.Http.PostAsync($"/api/watchlists/{watchlistId}/subjects/{first}/images",
            Scenario.Upload(("bush3.jpg", File.ReadAllBytes(bush[2])), ("corrupt.jpg", corrupt)));
        Assert.Contains("corrupt.jpg cannot be read", (await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());

        await using var db = factory.OpenDb();
        var images = await db.SubjectImages.ToListAsync();
        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.Equal(OpenLfr.Vision.Embedding.EmbedderSpec.DefaultId, i.EmbedderId));
    }

    private static byte[] BlankJpeg()
    {
        var psi = new ProcessStartInfo(FfmpegTool.Ffmpeg) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-f", "lavfi", "-i", "color=c=gray:s=240x240", "-frames:v", "1", "-f", "image2", "-c:v", "mjpeg", "pipe:1" })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.ToArray();
    }
}
