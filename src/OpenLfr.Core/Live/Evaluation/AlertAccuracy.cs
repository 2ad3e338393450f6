namespace OpenLfr.Core.Live.Evaluation;

/// <summary>
/// Alerts of a run scored against the simulator's ground truth at one threshold. Each alert is placed on the person
/// whose truth box overlaps the alerted face best at the alert's frame time (IoU at least 0.3).
/// </summary>
/// <param name="TrueAlerts">Alerts on the alerted subject's own face.</param>
/// <param name="WrongWatchlisted">Alerts on a watchlisted person's face naming another subject.</param>
/// <param name="OnNonWatchlisted">Alerts on someone not on the watchlist (a false match of a passer-by).</param>
/// <param name="Unplaced">Alerts on a face no truth box overlaps (a false detection); counted as wrong.</param>
/// <param name="WatchlistedAlerted">Watchlisted people in view with at least one true alert.</param>
/// <param name="Watchlisted">Watchlisted people in view.</param>
/// <param name="NonWatchlisted">People in view not on the watchlist.</param>
public sealed record AlertAccuracy(
    float Threshold, int TrueAlerts, int WrongWatchlisted, int OnNonWatchlisted, int Unplaced,
    int WatchlistedAlerted, int Watchlisted, int NonWatchlisted)
{
    /// <summary>Alerts naming the wrong person, whoever it is.</summary>
    public int WrongPerson => WrongWatchlisted + OnNonWatchlisted + Unplaced;

    /// <summary>Share of watchlisted people alerted correctly.</summary>
    public double Recall => Watchlisted == 0 ? 0 : (double)WatchlistedAlerted / Watchlisted;

    public static AlertAccuracy Sum(float threshold, IEnumerable<AlertAccuracy> runs)
    {
        var list = runs.ToList();
        return new AlertAccuracy(threshold, list.Sum(r => r.TrueAlerts), list.Sum(r => r.WrongWatchlisted), list.Sum(r => r.OnNonWatchlisted),
            list.Sum(r => r.Unplaced), list.Sum(r => r.WatchlistedAlerted), list.Sum(r => r.Watchlisted), list.Sum(r => r.NonWatchlisted));
    }
}
