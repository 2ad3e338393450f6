using Microsoft.Extensions.Options;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Server.OperatorConsole.Queries;

namespace OpenLfr.Server.OperatorConsole.Cameras;

/// <summary>The camera tiles from the database: every node's reports (<see cref="CameraStatuses"/>), stale ones marked.</summary>
public sealed class CameraHealthQueries(ConsoleQueries queries, CameraStatuses statuses, IOptions<CameraWorkerOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<CameraTile>> TilesAsync(CancellationToken ct = default)
    {
        var names = await queries.CameraNamesAsync(ct);
        var reports = await statuses.ListAsync(ct);
        return CameraTile.Build(names, reports, clock.GetUtcNow().UtcDateTime, options.Value.LeaseDuration);
    }
}
