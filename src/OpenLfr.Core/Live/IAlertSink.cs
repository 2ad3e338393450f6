namespace OpenLfr.Core.Live;

/// <summary>
/// Where the live pipeline sends possible matches (the server stores them for adjudication; the
/// standalone <c>lfr watch</c> prints them). Called from the camera's pipeline; implementations must
/// be quick or hand off, since a slow sink delays the camera.
/// </summary>
public interface IAlertSink
{
    ValueTask PublishAsync(PossibleMatchAlert alert, CancellationToken cancellationToken);
}
