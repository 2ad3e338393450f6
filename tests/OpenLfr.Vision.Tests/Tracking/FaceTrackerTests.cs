using OpenLfr.Vision.Tracking;

namespace OpenLfr.Vision.Tests.Tracking;

public class FaceTrackerTests
{
    private const double Fps = 10;

    private static TrackerDetection Face(float cx, float cy, float size = 60, float[]? appearance = null) =>
        new(TrackBox.FromCenter(cx, cy, size, size), 1, appearance);

    [Fact]
    public void Two_people_crossing_paths_keep_their_own_tracks()
    {
        var tracker = new FaceTracker();
        var idsOfA = new HashSet<long>();
        var idsOfB = new HashSet<long>();
        for (var i = 0; i < 40; i++)
        {
            var t = i / Fps;
            // A walks right, B walks left, slightly lower; they overlap around frame 20.
            var a = Face(100 + 20 * i, 200);
            var b = Face(900 - 20 * i, 225);
            var u = tracker.Update([a, b], t);
            idsOfA.Add(u.Assigned[0].Id);
            idsOfB.Add(u.Assigned[1].Id);
        }
        Assert.Single(idsOfA);
        Assert.Single(idsOfB);
        Assert.NotEqual(idsOfA.Single(), idsOfB.Single());
        Assert.Equal(2, tracker.ConfirmedCount);
    }

    [Fact]
    public void Missed_detections_and_a_short_occlusion_do_not_split_a_track()
    {
        var tracker = new FaceTracker();
        var ids = new HashSet<long>();
        for (var i = 0; i < 50; i++)
        {
            // Moving right at 150 px/s; undetected in frames 10-12 (misses) and 25-31 (0.7 s behind a pillar).
            var missing = i is >= 10 and <= 12 or >= 25 and <= 31;
            var u = tracker.Update(missing ? [] : [Face(100 + 15 * i, 300, 50 + i)], i / Fps);
            if (!missing) ids.Add(u.Assigned[0].Id);
            Assert.Empty(u.Ended);
        }
        Assert.Single(ids);
        Assert.Equal(1, tracker.ConfirmedCount);
    }

    [Fact]
    public void One_frame_false_detections_never_become_faces()
    {
        var tracker = new FaceTracker();
        var ended = new List<Track>();
        for (var i = 0; i < 30; i++)
        {
            var dets = new List<TrackerDetection> { Face(300, 300) };
            if (i % 7 == 3) dets.Add(Face(50 + 40 * i, 80, 30)); // flicker somewhere else
            ended.AddRange(tracker.Update(dets, i / Fps).Ended);
        }
        ended.AddRange(tracker.Flush());
        Assert.Equal(1, tracker.ConfirmedCount);
        Assert.Equal(1, ended.Count(t => t.Hits >= 3));
    }

    [Fact]
    public void A_track_ends_after_max_age_and_a_later_face_is_a_new_track()
    {
        var tracker = new FaceTracker(new TrackerOptions { MaxAgeSeconds = 0.5 });
        long first = 0;
        for (var i = 0; i < 5; i++) first = tracker.Update([Face(200, 200)], i / Fps).Assigned[0].Id;
        var ended = tracker.Update([], 1.0).Ended;
        Assert.Equal(first, Assert.Single(ended).Id);
        Assert.Equal(TrackState.Ended, ended[0].State);
        var next = tracker.Update([Face(200, 200)], 1.1).Assigned[0];
        Assert.NotEqual(first, next.Id);
    }

    [Fact]
    public void Appearance_keeps_two_people_apart_when_motion_alone_is_ambiguous()
    {
        float[] Unit(int axis) { var v = new float[8]; v[axis] = 1; return v; }
        var tracker = new FaceTracker();
        var a = Unit(0);
        var b = Unit(1);
        long idA = 0, idB = 0;
        for (var i = 0; i < 5; i++)
        {
            var u = tracker.Update([Face(300, 300, 60, a), Face(360, 300, 60, b)], i / Fps);
            (idA, idB) = (u.Assigned[0].Id, u.Assigned[1].Id);
        }
        // They step close and swap sides in one frame (e.g. the camera skipped frames): motion says keep
        // the sides, appearance says swap.
        var swapped = tracker.Update([Face(320, 300, 60, b), Face(340, 300, 60, a)], 0.5);
        Assert.Equal(idB, swapped.Assigned[0].Id);
        Assert.Equal(idA, swapped.Assigned[1].Id);
    }

    [Fact]
    public void A_dissimilar_face_at_the_same_place_starts_a_new_track()
    {
        var tracker = new FaceTracker();
        var a = new float[] { 1, 0, 0, 0 };
        var b = new float[] { 0, 1, 0, 0 };
        long idA = 0;
        for (var i = 0; i < 4; i++) idA = tracker.Update([Face(200, 200, 60, a)], i / Fps).Assigned[0].Id;
        var u = tracker.Update([Face(202, 200, 60, b)], 0.4);
        Assert.NotEqual(idA, u.Assigned[0].Id);
    }

    [Fact]
    public void Time_going_backwards_is_rejected()
    {
        var tracker = new FaceTracker();
        tracker.Update([], 1.0);
        Assert.Throws<ArgumentException>(() => tracker.Update([], 0.5));
    }

    [Fact]
    public void Splitting_a_track_ends_it_and_continues_its_face_under_a_new_confirmed_id()
    {
        var tracker = new FaceTracker();
        Track? track = null;
        for (var i = 0; i < 5; i++) track = tracker.Update([Face(100 + 10 * i, 200)], i / Fps).Assigned[0];
        Assert.Equal(TrackState.Confirmed, track!.State);
        Assert.Equal(1, tracker.ConfirmedCount);

        var fresh = tracker.Split(track);

        Assert.Equal(TrackState.Ended, track.State);
        Assert.NotEqual(track.Id, fresh.Id);
        Assert.Equal(TrackState.Confirmed, fresh.State);
        Assert.Equal(2, tracker.ConfirmedCount);
        Assert.Equal(1, tracker.Splits);
        // The new track follows on from the old one's motion: the next detection along the path is its.
        var next = tracker.Update([Face(150, 200)], 0.5);
        Assert.Same(fresh, next.Assigned[0]);
        Assert.Equal(2, tracker.ConfirmedCount);
        Assert.Throws<ArgumentException>(() => tracker.Split(track));
    }
}
