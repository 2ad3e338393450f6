using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Enrolment;
using OpenLfr.Core.Recognition;
using Microsoft.Extensions.Options;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Core.CameraWorkers;

public static class CameraWorkersServiceCollectionExtensions
{
    /// <summary>
    /// Registers live processing (section <c>CameraWorkers</c>): enrolment with the server's one embedder
    /// (<see cref="RecognitionOptions"/>), so templates always match what the cameras produce (every node, as long as no other pipeline is
    /// registered; call before <c>AddOpenLfrCore</c>), and the camera workers as a hosted service and as
    /// the console's <see cref="ILiveFrameSource"/> unless <c>CameraWorkers:Enabled=false</c> (a web-only node). Camera health goes through the database (<see cref="CameraStatuses"/>).
    /// </summary>
    public static IServiceCollection AddOpenLfrCameraWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CameraWorkerOptions.Section);
        services.AddOptions<CameraWorkerOptions>().Bind(section);
        services.AddOpenLfrRecognition(configuration);
        // The server's enrolment pipeline (same detector and landmarker as the cameras) with the one recognition embedder.
        services.TryAddSingleton<IFaceEnrolmentAnalyzer>(sp => new VisionFaceEnrolmentAnalyzer(
            new FaceAnalyzerOptions { Embedder = sp.GetRequiredService<IOptions<RecognitionOptions>>().Value.Embedder }));
        if (!section.GetValue(nameof(CameraWorkerOptions.Enabled), defaultValue: true)) return services;
        services.AddSingleton<CameraWorkerService>();
        services.AddSingleton<ILiveFrameSource>(sp => sp.GetRequiredService<CameraWorkerService>());
        services.AddHostedService(sp => sp.GetRequiredService<CameraWorkerService>());
        return services;
    }
}
