using Microsoft.Extensions.Logging.Abstractions;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.CameraWorkers;
using OpenLfr.Core.Errors;
using OpenLfr.Core.Live;
using OpenLfr.Core.Watchlists;
using OpenLfr.Server.Tests.Infrastructure;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Server.Tests.CameraWorkers;

/// <summary>The worker's watchlist gallery and alert hand-over, without models or video.</summary>
public sealed class WorkerPartsTests
{
    private static WatchlistTemplate Template(Guid subject, string embedder, params float[] v) =>
        new(subject, Guid.NewGuid(), "ref", new FaceTemplate(embedder, "1", v));

    [Fact]
    public void A_watchlist_enrolled_with_another_embedder_or_empty_is_refused_with_the_reason()
    {
        var id = Guid.NewGuid();
        var empty = Assert.Throws<WatchlistUnusableException>(() => DatabaseWatchlistMatcher.Build([], "mobileface", "1", 2, id));
        Assert.Contains("no enrolled templates", empty.Message);
        var mixed = new[] { Template(Guid.NewGuid(), "mobileface", 1, 0), Template(Guid.NewGuid(), "faceres", 0, 1) };
        var wrong = Assert.Throws<WatchlistUnusableException>(() => DatabaseWatchlistMatcher.Build(mixed, "mobileface", "1", 2, id));
        Assert.Contains("1 of 2 templates were made by embedder faceres 1", wrong.Message);
        Assert.Contains("re-enrol", wrong.Message);
        // Checked by id alone before the models load.
        Assert.Throws<WatchlistUnusableException>(() => DatabaseWatchlistMatcher.EnsureUsable(mixed, "mobileface", null, null, id));
    }

    [Fact]
    public void The_gallery_returns_the_nearest_subject_and_image_as_database_ids()
    {
        var a = Template(Guid.NewGuid(), "mobileface", 1, 0);
        var b = Template(Guid.NewGuid(), "mobileface", 0, 1);
        using var matcher = DatabaseWatchlistMatcher.Build([a, b], "mobileface", "1", 2, Guid.NewGuid());
        var hit = matcher.Best([0.6f, 0.8f])!;
        Assert.Equal(b.SubjectId.ToString("D"), hit.SubjectId);
        Assert.Equal(b.SubjectImageId.ToString("D"), hit.ImageId);
        Assert.Equal(0.8f, hit.Score, 3);
    }

    private sealed class RecordingSink(Exception? refuse = null) : Core.Alerts.IAlertRecorder
    {
        public List<AlertCandidate> Received { get; } = [];

        public Task<Guid> RaiseAsync(AlertCandidate candidate, CancellationToken ct = default)
        {
            if (refuse is not null) throw refuse;
            Received.Add(candidate);
            return Task.FromResult(Guid.NewGuid());
        }
    }

    [Fact]
    public async Task A_possible_match_is_handed_to_the_server_with_its_ids_and_frame_time_on_the_server_clock()
    {
        var sink = new RecordingSink();
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var (deployment, camera, subject, image) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var forwarder = new LiveAlertForwarder(sink, deployment, camera, clock, NullLogger.Instance);
        var raised = DateTimeOffset.UtcNow;
        await forwarder.PublishAsync(new PossibleMatchAlert("cam", 7, subject.ToString(), image.ToString(), new Vision.Detection.BoxF(1, 2, 30, 40), 0.42f,
            raised.AddSeconds(-3), 12.5, raised.AddMilliseconds(-250), raised, 250, [1, 2, 3], [4, 5]), CancellationToken.None);

        var c = Assert.Single(sink.Received);
        Assert.Equal((deployment, camera, subject, image, "7"), (c.DeploymentId, c.CameraId, c.SubjectId, c.SubjectImageId, c.TrackId));
        Assert.Equal(0.42, c.Score, 5);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMilliseconds(-250), c.FrameTimeUtc);
        Assert.Equal([1, 2, 3], c.ProbeCropJpeg);
        Assert.Equal([4, 5], c.FrameThumbnailJpeg);
        Assert.Equal(1, forwarder.Stored);

        // A refusal (e.g. the window closed between two polls) is logged and does not stop the camera.
        var refusing = new LiveAlertForwarder(new RecordingSink(DomainException.Conflict("window closed")), deployment, camera, clock, NullLogger.Instance);
        await refusing.PublishAsync(new PossibleMatchAlert("cam", 8, subject.ToString(), image.ToString(), new Vision.Detection.BoxF(1, 2, 30, 40), 0.42f,
            raised, 1, raised, raised, 0, [1], [1]), CancellationToken.None);
        Assert.Equal(0, refusing.Stored);
    }
}
