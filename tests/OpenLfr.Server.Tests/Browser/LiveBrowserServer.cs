using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenLfr.Testing;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// The browser fixture with nothing stood in: the server's real camera workers (ffmpeg capture, detector,
/// landmarker and the live embedder) and enrolment with the same embedder, as <c>lfr serve</c> runs them.
/// Capture settings are small so the scenario stays quick on a loaded 2-core machine.
/// </summary>
public sealed class LiveBrowserServer : BrowserServer
{
    /// <summary>The models the live pipeline loads: detector, landmarker, the server's default recognition embedder.</summary>
    public static string[] LiveModels { get; } = ["faceboxes", "faceapi-face_landmark_68", .. EmbedderSpec.Get(EmbedderSpec.DefaultId).ModelNames];

    /// <summary>Why the live browser scenario cannot run here, or null.</summary>
    public static new string? Unavailable =>
        BrowserServer.Unavailable
        ?? Models.SkipReason(LiveModels)
        ?? (SharedData.Exists("datasets/lfw") || SharedData.InCi ? null : $"needs shared data datasets/lfw under {SharedData.Root} (absent here)");

    protected override bool Wanted => Unavailable is null;

    protected override IEnumerable<string> ServerArguments() =>
    [
        "--CameraWorkers:Enabled=true",
        "--CameraWorkers:PollInterval=00:00:01",
        "--CameraWorkers:RetryAfter=00:00:02",
        "--CameraWorkers:StallTimeout=00:00:05",
        "--CameraWorkers:Width=640", "--CameraWorkers:Height=360", "--CameraWorkers:Fps=5",
        "--CameraWorkers:DetectScale=1",
    ];

    /// <summary>What the camera workers logged (information and up).</summary>
    public RecordingLoggerProvider WorkerLog { get; } = new("OpenLfr.");

    protected override void ConfigureServices(IServiceCollection services)
    {
        // Nothing replaced: enrolment and cameras are the server's own. Their log is kept for failure reports.
        services.AddLogging(b => b.AddProvider(WorkerLog).AddFilter<RecordingLoggerProvider>("OpenLfr", LogLevel.Information));
    }
}
