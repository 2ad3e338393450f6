using System.Collections.Concurrent;
using OpenLfr.Core.Alerts;

namespace OpenLfr.Server.OperatorConsole.Alerts;

/// <summary>
/// What this server already pushed to its consoles, so an alert (or one of its states: pending, decided, outcome,
/// evidence) reaches the hub once whether the in-process notifier or the database feed sees it first. In memory only
/// (it is a cache of pushes, not state: a restarted server's consoles reload the page), bounded and time-limited:
/// entries older than <see cref="Keep"/> go, and beyond <see cref="MaxEntries"/> the oldest go first (a tenth of the bound at a time). Keys are alert
/// ids and decision names, never anything biometric. Thread-safe.
/// </summary>
public sealed class AlertPushLedger(TimeProvider clock)
{
    /// <summary>Far longer than the feed looks back (<see cref="AlertFeedOptions.Lookback"/>), so the feed never finds a forgotten push.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _pushed = new(StringComparer.Ordinal);

    public int Count => _pushed.Count;

    /// <summary>Claims the push of <paramref name="alert"/> in its current state; false if it was pushed already.</summary>
    public bool TryClaim(AlertSummary alert) => TryAdd(StateKey(alert.Id, alert.Decision, alert.Outcome, alert.Arrested, alert.IsEvidence));

    /// <summary>Whether the alert was pushed in the state this change left it in.</summary>
    public bool WasPushed(AlertChange change) => _pushed.ContainsKey(StateKey(change.Id, change.Decision, change.Outcome, change.Arrested, change.IsEvidence));

    /// <summary>Everything a console card shows that a decision can change.</summary>
    private static string StateKey(Guid id, AlertDecision decision, AlertOutcome? outcome, bool? arrested, bool isEvidence) =>
        $"{id:N}:{decision}:{outcome}:{arrested}:{isEvidence}";

    /// <summary>Claims the "new possible match" announcement of an alert; false if it was announced already.</summary>
    public bool TryClaimAnnouncement(Guid alertId) => TryAdd($"{alertId:N}:new");

    /// <summary>Forgets pushes older than <see cref="Keep"/>, then the oldest beyond <see cref="MaxEntries"/>.</summary>
    public void Prune()
    {
        var cutoff = clock.GetUtcNow() - Keep;
        foreach (var (key, at) in _pushed)
            if (at < cutoff) _pushed.TryRemove(key, out _);
        var excess = _pushed.Count - MaxEntries;
        if (excess <= 0) return;
        // A tenth more than needed, so a burst does not sort the whole set on every claim.
        foreach (var (key, _) in _pushed.OrderBy(p => p.Value).Take(excess + MaxEntries / 10).ToList()) _pushed.TryRemove(key, out _);
    }

    private bool TryAdd(string key)
    {
        if (!_pushed.TryAdd(key, clock.GetUtcNow())) return false;
        if (_pushed.Count > MaxEntries) Prune();
        return true;
    }
}
