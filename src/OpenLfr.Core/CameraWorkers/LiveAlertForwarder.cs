using Microsoft.Extensions.Logging;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Live;

namespace OpenLfr.Core.CameraWorkers;

/// <summary>
/// Hands the live pipeline's possible matches (its <see cref="IAlertSink"/>) to the <see cref="IAlertRecorder"/>, which stores them (encrypted,
/// audited) before any operator is notified. One per camera worker: it knows the deployment and camera.
/// A refused alert (e.g. the window closed between two polls) is logged without any biometric data and
/// does not stop the camera.
/// </summary>
public sealed class LiveAlertForwarder(IAlertRecorder sink, Guid deploymentId, Guid cameraId, TimeProvider clock, ILogger logger) : IAlertSink
{
    private long _stored;

    /// <summary>Alerts stored by the server so far.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    public async ValueTask PublishAsync(PossibleMatchAlert alert, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(alert.SubjectId, out var subjectId) || !Guid.TryParse(alert.WatchlistImageId, out var imageId))
        {
            logger.LogError("Camera {Camera}: alert on track {Track} names subject '{Subject}' / image '{Image}', which are not database ids; the matcher must be built from the deployment's watchlist",
                cameraId, alert.TrackId, alert.SubjectId, alert.WatchlistImageId);
            return;
        }
        // Frame time on the server's clock: the frame arrived this long before the alert was made.
        var frameTime = clock.GetUtcNow() - (alert.RaisedAt - alert.FrameArrivedAt);
        var candidate = new AlertCandidate(deploymentId, cameraId, alert.TrackId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            subjectId, imageId, alert.Score, frameTime.UtcDateTime, alert.ProbeCropJpeg, alert.FrameThumbnailJpeg);
        try
        {
            var id = await sink.RaiseAsync(candidate, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _stored);
            logger.LogInformation("Camera {Camera}: possible match stored as alert {AlertId} for deployment {Deployment}", cameraId, id, deploymentId);
        }
        catch (DomainException e)
        {
            logger.LogWarning("Camera {Camera}: the server refused a possible match on track {Track}: {Reason}", cameraId, alert.TrackId, e.Message);
        }
    }
}
