using System.Diagnostics;
using OpenLfr.Testing;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// JPEG faces for the scenario: real LFW photos when ../shared is present, otherwise test-card JPEGs made by
/// ffmpeg (the enrolment port in these tests is the test double, which only needs a JPEG of 2,000+ bytes).
/// </summary>
public static class TestImages
{
    public static byte[] Face(int index)
    {
        if (SharedData.Exists("datasets/lfw"))
        {
            var files = Directory.EnumerateDirectories(SharedData.PathOf("datasets/lfw")).Order(StringComparer.Ordinal)
                .Select(d => Directory.EnumerateFiles(d, "*.jpg").Order(StringComparer.Ordinal).FirstOrDefault())
                .Where(f => f is not null).Skip(index).First();
            return File.ReadAllBytes(files!);
        }
        var path = Path.Combine(Path.GetTempPath(), $"openlfr-card-{index}-{Guid.NewGuid():N}.jpg");
        using (var p = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"testsrc=size=200x200:rate=1,hue=h={index * 40}", "-frames:v", "1", "-y", path])
               { RedirectStandardError = true })!)
        {
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("ffmpeg could not make a test image: " + p.StandardError.ReadToEnd());
        }
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }
}
