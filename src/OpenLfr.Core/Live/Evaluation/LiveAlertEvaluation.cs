using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Simulation;

namespace OpenLfr.Core.Live.Evaluation;

/// <summary>
/// Scores a live run against a walk-past simulation's ground truth (`lfr evaluate-live`). Because the pipeline searches
/// each track's evidence whatever the threshold and alerts on the first search at or above it per (track, subject), one
/// run's searches give the exact alerts at every threshold (<see cref="AlertsAt"/>).
/// </summary>
public static class LiveAlertEvaluation
{
    private const float MinIoU = 0.3f;

    /// <summary>The alerts the pipeline raises at <paramref name="threshold"/>: the first search per (track, subject) at or above it.</summary>
    public static IReadOnlyList<TrackSearch> AlertsAt(IEnumerable<TrackSearch> searches, float threshold)
    {
        var seen = new HashSet<(long, string)>();
        return searches.Where(s => s.Score >= threshold && seen.Add((s.TrackId, s.SubjectId))).ToList();
    }

    /// <param name="scale">Truth pixels per detect-frame pixel (truth width / detect width).</param>
    public static AlertAccuracy Score(GroundTruth truth, IReadOnlyList<TrackSearch> alerts, float threshold, float scale = 1)
    {
        int right = 0, wrongWatchlisted = 0, onOthers = 0, unplaced = 0;
        var alerted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in alerts)
        {
            var person = PersonAt(truth, Scale(a.Box, scale), a.FrameTime);
            if (person is null) unplaced++;
            else if (person.Identity == a.SubjectId)
            {
                right++;
                alerted.Add(person.Identity);
            }
            else if (person.Watchlisted) wrongWatchlisted++;
            else onOthers++;
        }
        var inView = truth.People.Where(p => p.Boxes.Count > 0).ToList();
        return new AlertAccuracy(threshold, right, wrongWatchlisted, onOthers, unplaced,
            alerted.Count, inView.Count(p => p.Watchlisted), inView.Count(p => !p.Watchlisted));
    }

    /// <summary>Track fragmentation: each tracked face is placed on a truth person as alerts are.</summary>
    public static TrackFragmentation Fragmentation(GroundTruth truth, IEnumerable<TrackedFace> faces, float scale = 1)
    {
        var byPerson = new Dictionary<string, Dictionary<long, int>>(StringComparer.Ordinal);
        var peopleOfTrack = new Dictionary<long, HashSet<string>>();
        foreach (var f in faces)
        {
            if (PersonAt(truth, Scale(f.Box, scale), f.FrameTime) is not { } p) continue;
            var counts = byPerson.TryGetValue(p.Identity, out var c) ? c : byPerson[p.Identity] = [];
            counts[f.TrackId] = counts.GetValueOrDefault(f.TrackId) + 1;
            (peopleOfTrack.TryGetValue(f.TrackId, out var ps) ? ps : peopleOfTrack[f.TrackId] = new(StringComparer.Ordinal)).Add(p.Identity);
        }
        if (byPerson.Count == 0) return new TrackFragmentation(0, 0, 0, 0, 0);
        return new TrackFragmentation(byPerson.Count, byPerson.Values.Count(c => c.Count == 1), byPerson.Values.Average(c => c.Count),
            byPerson.Values.Average(c => (double)c.Values.Max() / c.Values.Sum()), peopleOfTrack.Values.Count(p => p.Count > 1));
    }

    /// <summary>The person whose truth box at <paramref name="time"/> overlaps <paramref name="box"/> best, if any overlaps enough.</summary>
    public static GroundTruthPerson? PersonAt(GroundTruth truth, BoxF box, double time)
    {
        var tolerance = 0.5 / truth.Fps + 1e-3;
        GroundTruthPerson? best = null;
        var bestIoU = MinIoU;
        foreach (var p in truth.People)
        {
            foreach (var b in p.Boxes)
            {
                if (Math.Abs(b[0] - time) > tolerance) continue;
                var iou = new BoxF((float)b[1], (float)b[2], (float)b[3], (float)b[4]).IoU(box);
                if (iou < bestIoU) continue;
                bestIoU = iou;
                best = p;
            }
        }
        return best;
    }

    private static BoxF Scale(BoxF b, float s) => s == 1 ? b : new BoxF(b.X * s, b.Y * s, b.Width * s, b.Height * s);
}
