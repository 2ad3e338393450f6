using OpenLfr.Core.Live.Evaluation;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Simulation;

namespace OpenLfr.Core.Tests.Live;

public class LiveAlertEvaluationTests
{
    // Two people at 10 fps for one second: Ann (watchlisted) on the left, Bob (not) on the right.
    private static readonly GroundTruth Truth = new("walk.mp4", 10, 640, 360, 1,
    [
        new GroundTruthPerson("Ann", true, "Ann_1.jpg", [[0, 1]], [.. Enumerable.Range(0, 10).Select(i => new double[] { i / 10.0, 100, 100, 60, 60 })]),
        new GroundTruthPerson("Bob", false, "Bob_1.jpg", [[0, 1]], [.. Enumerable.Range(0, 10).Select(i => new double[] { i / 10.0, 400, 100, 60, 60 })]),
        new GroundTruthPerson("Cat", true, "Cat_1.jpg", [], []),
    ]);

    private static readonly BoxF OnAnn = new(104, 98, 58, 62);
    private static readonly BoxF OnBob = new(396, 102, 60, 58);

    [Fact]
    public void Alerts_at_a_threshold_are_the_first_search_per_track_and_subject_at_or_above_it()
    {
        TrackSearch[] searches =
        [
            new(1, "Ann", 0.91f, OnAnn, 0.2, 2), new(1, "Ann", 0.95f, OnAnn, 0.4, 3), new(1, "Ann", 0.96f, OnAnn, 0.6, 3),
            new(2, "Ann", 0.93f, OnBob, 0.3, 2),
        ];
        Assert.Equal([0.2, 0.3], LiveAlertEvaluation.AlertsAt(searches, 0.9f).Select(a => a.FrameTime));
        Assert.Equal([0.4], LiveAlertEvaluation.AlertsAt(searches, 0.94f).Select(a => a.FrameTime));
        Assert.Empty(LiveAlertEvaluation.AlertsAt(searches, 0.97f));
    }

    [Fact]
    public void Each_alert_is_placed_on_the_face_it_is_on_and_recall_counts_watchlisted_people_in_view()
    {
        TrackSearch[] alerts =
        [
            new(1, "Ann", 0.95f, OnAnn, 0.2, 2), // right
            new(2, "Ann", 0.95f, OnBob, 0.3, 2), // a passer-by taken for Ann
            new(3, "Cat", 0.95f, OnAnn, 0.4, 2), // Ann taken for Cat
            new(4, "Ann", 0.95f, new BoxF(250, 250, 40, 40), 0.5, 2), // no face there
            new(5, "Ann", 0.95f, OnAnn, 3.0, 2), // nobody in view at 3 s
        ];
        var a = LiveAlertEvaluation.Score(Truth, alerts, 0.95f);
        Assert.Equal((1, 1, 1, 2), (a.TrueAlerts, a.WrongWatchlisted, a.OnNonWatchlisted, a.Unplaced));
        Assert.Equal(4, a.WrongPerson);
        Assert.Equal((1, 1, 1), (a.WatchlistedAlerted, a.Watchlisted, a.NonWatchlisted)); // Cat never appears
        Assert.Equal(1.0, a.Recall);
    }

    [Fact]
    public void Fragmentation_counts_tracks_per_person_and_tracks_that_jumped_between_people()
    {
        var faces = new List<TrackedFace>();
        for (var i = 0; i < 10; i++)
        {
            faces.Add(new TrackedFace(i < 8 ? 1 : 3, OnAnn, i / 10.0)); // Ann: 8 frames in track 1, 2 in track 3
            faces.Add(new TrackedFace(i < 5 ? 2 : 3, OnBob, i / 10.0)); // Bob: track 2, then track 3 (which was Ann's)
        }
        var f = LiveAlertEvaluation.Fragmentation(Truth, faces);
        Assert.Equal(2, f.People);
        Assert.Equal(0, f.SingleTrack);
        Assert.Equal(2.0, f.TracksPerPerson);
        Assert.Equal((0.8 + 0.5) / 2, f.MainTrackShare, 6);
        Assert.Equal(1, f.SharedTracks);
    }
}
