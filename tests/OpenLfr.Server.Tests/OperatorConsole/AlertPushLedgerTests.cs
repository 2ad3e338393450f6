using OpenLfr.Core.Alerts;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.OperatorConsole.Alerts;
using OpenLfr.Server.Tests.Infrastructure;

namespace OpenLfr.Server.Tests.OperatorConsole;

/// <summary>The server's memory of what it pushed: one push per alert state, bounded and time-limited.</summary>
public sealed class AlertPushLedgerTests
{
    [Fact]
    public void Each_state_of_an_alert_is_claimed_once_and_forgotten_after_the_keep_time()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var ledger = new AlertPushLedger(clock);
        var pending = Alert(Guid.NewGuid(), AlertDecision.Pending);

        Assert.True(ledger.TryClaim(pending));
        Assert.False(ledger.TryClaim(pending));
        Assert.True(ledger.WasPushed(new AlertChange(pending.Id, DateTime.UtcNow, AlertDecision.Pending, null, null, false)));
        Assert.True(ledger.TryClaimAnnouncement(pending.Id));
        Assert.False(ledger.TryClaimAnnouncement(pending.Id));
        // A decision is a new state: pushed once more; marking it as evidence is another.
        var decided = pending with { Decision = AlertDecision.Engage };
        Assert.False(ledger.WasPushed(new AlertChange(pending.Id, DateTime.UtcNow, AlertDecision.Engage, null, null, false)));
        Assert.True(ledger.TryClaim(decided));
        Assert.True(ledger.TryClaim(decided with { IsEvidence = true }));

        clock.Advance(AlertPushLedger.Keep - TimeSpan.FromSeconds(1));
        ledger.Prune();
        Assert.False(ledger.TryClaim(pending));
        clock.Advance(TimeSpan.FromSeconds(2));
        ledger.Prune();
        Assert.Equal(0, ledger.Count);
        Assert.True(ledger.TryClaim(pending));
    }

    [Fact]
    public void Beyond_its_bound_the_oldest_pushes_are_forgotten_first()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var ledger = new AlertPushLedger(clock);
        var first = Alert(Guid.NewGuid(), AlertDecision.Pending);
        Assert.True(ledger.TryClaim(first));
        for (var i = 0; i < AlertPushLedger.MaxEntries + 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            ledger.TryClaim(Alert(Guid.NewGuid(), AlertDecision.Pending));
        }
        Assert.InRange(ledger.Count, 1, AlertPushLedger.MaxEntries);
        Assert.True(ledger.TryClaim(first)); // the oldest went first
    }

    private static AlertSummary Alert(Guid id, AlertDecision decision) => new(
        id, Guid.NewGuid(), Guid.NewGuid(), "t1", Guid.NewGuid(), "W-001", "Name", SubjectCategory.WantedByCourts, SubjectUrgency.Immediate, Guid.NewGuid(), 0.99, 0.96,
        DateTime.UtcNow, DateTime.UtcNow, decision, null, null, null, null, null, false, null);
}
