using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace OpenLfr.Server.OperatorConsole.Alerts;

/// <summary>
/// The console's real-time feed. The server pushes <c>alertRaised</c> and <c>alertUpdated</c> (an
/// <see cref="AlertCard"/>, no images: the page fetches those through audited URLs) and <c>cameraHealth</c>
/// (a list of <see cref="Cameras.CameraTile"/>), for alerts, decisions and cameras of every node sharing the database
/// (<see cref="AlertFeedService"/>, <see cref="Cameras.CameraHealthBroadcaster"/>). Clients only listen; decisions go through the page's forms.
/// </summary>
[Authorize(Policy = ConsolePolicies.ViewAlerts)]
public sealed class ConsoleHub : Hub
{
    public const string Path = "/console/hub";
    public const string AlertRaised = "alertRaised";
    public const string AlertUpdated = "alertUpdated";
    public const string CameraHealth = "cameraHealth";
}
