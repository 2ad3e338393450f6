using Microsoft.Extensions.DependencyInjection;

namespace OpenLfr.Core.Alerts;

/// <summary>The singleton <see cref="IAlertRecorder"/>: each alert is stored in its own scope (own DbContext).</summary>
public sealed class ScopedAlertRecorder(IServiceScopeFactory scopes) : IAlertRecorder
{
    public async Task<Guid> RaiseAsync(AlertCandidate candidate, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertService>().RaiseAsync(candidate, ct);
    }
}
