using Microsoft.Extensions.Hosting;

namespace OpenLfr.Core.Live;

/// <summary>
/// Runs camera pipelines as a hosted service: each camera's loop runs until the host stops (or, for
/// files, until the file ends). The server registers one per deployment; <c>lfr watch</c> runs one directly.
/// </summary>
public sealed class LivePipelineService : BackgroundService
{
    private readonly IReadOnlyList<LivePipeline> _pipelines;

    public LivePipelineService(IEnumerable<LivePipeline> pipelines) => _pipelines = [.. pipelines];

    public IReadOnlyList<LivePipeline> Pipelines => _pipelines;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(_pipelines.Select(p => Task.Run(() => p.RunAsync(stoppingToken), CancellationToken.None))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var p in _pipelines) await p.Capture.StopAsync().ConfigureAwait(false);
        }
    }
}
