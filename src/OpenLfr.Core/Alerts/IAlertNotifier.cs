namespace OpenLfr.Core.Alerts;

/// <summary>Told about each alert after it is stored (e.g. the console's real-time feed). Carries no images.</summary>
public interface IAlertNotifier
{
    Task NotifyAsync(AlertSummary alert, CancellationToken ct);
}
