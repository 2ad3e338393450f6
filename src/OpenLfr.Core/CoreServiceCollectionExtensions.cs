using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Enrolment;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Policy;
using OpenLfr.Core.Recognition;
using OpenLfr.Core.Retention;
using OpenLfr.Core.Security;
using OpenLfr.Core.Watchlists;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the domain: policy and data-key options (validated at start-up), the feature services,
    /// the alert sink, and the lifecycle/retention background service. Enrolment uses the real face
    /// pipeline (<see cref="VisionFaceEnrolmentAnalyzer"/>) unless the host registered another
    /// <see cref="IFaceEnrolmentAnalyzer"/> first; without models it rejects every image with the reason
    /// and /healthz says so.
    /// </summary>
    public static IServiceCollection AddOpenLfrCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>();
        services.AddOptions<DataKeyOptions>().Bind(configuration.GetSection(DataKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataKeyOptions>, DataKeyOptionsValidator>();
        services.AddOpenLfrRecognition(configuration);
        services.AddSingleton<ThresholdPolicy>();

        services.AddSingleton<BiometricProtector>();
        services.AddSingleton<AuditLog>();
        services.TryAddSingleton<IFaceEnrolmentAnalyzer>(sp => new VisionFaceEnrolmentAnalyzer(new FaceAnalyzerOptions { Embedder = sp.GetRequiredService<IOptions<RecognitionOptions>>().Value.Embedder }));
        services.AddScoped<WatchlistService>();
        services.AddScoped<WatchlistTemplateSource>();
        services.AddScoped<CameraService>();
        services.AddScoped<DeploymentService>();
        services.AddScoped<CameraProcessingGate>();
        services.AddScoped<CameraWorkers.CameraLeases>();
        services.AddScoped<CameraWorkers.CameraStatuses>();
        services.AddScoped<AlertService>();
        services.AddScoped<AlertChanges>();
        services.AddSingleton<IAlertRecorder, ScopedAlertRecorder>();
        services.AddScoped<RetentionSweeper>();
        services.AddScoped<DeletionRecordQueries>();
        services.AddScoped<AdministratorSeeder>();
        services.AddHostedService<LifecycleBackgroundService>();
        return services;
    }

    /// <summary>
    /// The server's recognition embedder (section <c>Recognition</c>), validated at start-up. Idempotent: the camera
    /// workers and the domain both need it, and either may be registered first.
    /// </summary>
    public static IServiceCollection AddOpenLfrRecognition(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<RecognitionOptions>))) return services;
        services.AddOptions<RecognitionOptions>().Bind(configuration.GetSection(RecognitionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecognitionOptions>, RecognitionOptionsValidator>();
        return services;
    }
}
