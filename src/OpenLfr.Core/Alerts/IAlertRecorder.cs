namespace OpenLfr.Core.Alerts;

/// <summary>
/// Records a possible match from a camera as an alert: stores it (encrypted, audited) and only then tells each
/// <see cref="IAlertNotifier"/>, so an operator never sees an alert that could be lost. The camera workers'
/// <see cref="CameraWorkers.LiveAlertForwarder"/> adapts the pipeline's <see cref="Live.IAlertSink"/> to it.
/// Thread-safe; a singleton.
/// </summary>
public interface IAlertRecorder
{
    /// <returns>The stored alert's id.</returns>
    /// <exception cref="Errors.DomainException">The deployment is not active for that camera now, or the subject is not on its watchlist.</exception>
    Task<Guid> RaiseAsync(AlertCandidate candidate, CancellationToken ct = default);
}
