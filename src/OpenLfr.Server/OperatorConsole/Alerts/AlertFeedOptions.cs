namespace OpenLfr.Server.OperatorConsole.Alerts;

/// <summary>Settings of the console's database alert feed (section <c>AlertFeed</c>).</summary>
public sealed class AlertFeedOptions
{
    public const string Section = "AlertFeed";

    /// <summary>How often the database is asked for alerts stored or changed by any node.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Each poll reads the changes of this last stretch of time (duplicates are dropped by <see cref="AlertPushLedger"/>),
    /// so an alert committed late or stamped by a node whose clock lags is still found. Node clocks must agree within it.
    /// </summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws naming the bad setting.</summary>
    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentException($"{Section}:PollInterval must be positive (got {PollInterval}).");
        if (Lookback < PollInterval || Lookback > AlertPushLedger.Keep / 2)
            throw new ArgumentException($"{Section}:Lookback ({Lookback}) must be between {Section}:PollInterval ({PollInterval}) and {AlertPushLedger.Keep / 2}: shorter misses alerts, longer outlives what the server remembers pushing.");
    }
}
