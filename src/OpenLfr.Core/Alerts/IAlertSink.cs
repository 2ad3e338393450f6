namespace OpenLfr.Core.Alerts;

/// <summary>
/// Where the live pipeline sends possible matches. The alert is stored (and audited) before any
/// <see cref="IAlertNotifier"/> is told, so an operator never sees an alert that could be lost.
/// Thread-safe; a singleton.
/// </summary>
public interface IAlertSink
{
    /// <returns>The stored alert's id.</returns>
    /// <exception cref="Errors.DomainException">The deployment is not active for that camera now, or the subject is not on its watchlist.</exception>
    Task<Guid> RaiseAsync(AlertCandidate candidate, CancellationToken ct = default);
}
