using OpenLfr.Testing;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Matching;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Vision.Tests.Pipeline;

/// <summary>
/// The done-criteria on real video: faces are detected in most frames, and a face enrolled from one
/// frame is found in the other frames of the clip and not confused with the other people in it.
/// The clips have no identity labels; people keep their left-to-right order, so order is the truth.
/// </summary>
public sealed class VideoClipTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<FaceAnalyzer> Analyzer = new(() => FaceAnalyzer.Load(new FaceAnalyzerOptions { Threads = 2 }));

    [RequiresModelsAndDataTheory(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition"], "videos")]
    [InlineData("face-demographics-walking-and-pause.mp4", 3)]
    [InlineData("head-pose-face-detection-female-and-male.mp4", 2)]
    public void Face_enrolled_from_one_frame_is_found_in_the_others_and_not_confused(string clip, int people)
    {
        var analyzer = Analyzer.Value;
        var frames = ClipFrames.Read(clip, every: 6);
        var analysed = frames.Select(f => (f.Index, Faces: analyzer.Analyze(f.Image).OrderBy(x => x.Detection.Box.CenterX).ToList())).ToList();

        // Detection: every person in (nearly) every sampled frame.
        var complete = analysed.Count(a => a.Faces.Count == people);
        Assert.True(complete >= analysed.Count * 0.9, $"{clip}: all {people} faces found in only {complete} of {analysed.Count} frames");

        // Enrol each person from the last complete frame; search every other frame.
        var enrolFrame = analysed.Last(a => a.Faces.Count == people);
        var spec = EmbedderSpec.Get(analyzer.Embedder!.Id);
        // The threshold at FPIR 1 in 1,000 for a watchlist of this clip's size: 2-3 entries give a passer-by 2-3 chances
        // of a false match, not LFW's 1,680 (EmbedderCalibration.ThresholdFor).
        var threshold = spec.Calibration.ThresholdFor(0.001, people);
        using var gallery = new FaceGallery<int>(analyzer.Embedder.Id, analyzer.Embedder.Version, analyzer.Embedder.Dimension);
        for (var person = 0; person < people; person++) gallery.Add(person, enrolFrame.Faces[person].Template!);

        int searches = 0, foundAtRank1 = 0, aboveThreshold = 0, confusions = 0;
        var highestOther = float.NegativeInfinity;
        foreach (var (index, faces) in analysed.Where(a => a.Index != enrolFrame.Index && a.Faces.Count == people))
        {
            for (var person = 0; person < people; person++)
            {
                var hits = gallery.Search(faces[person].Template!, k: people);
                searches++;
                if (hits[0].Key == person) foundAtRank1++;
                if (hits[0].Key == person && hits[0].Score >= threshold) aboveThreshold++;
                confusions += hits.Count(h => h.Key != person && h.Score >= threshold);
                highestOther = Math.Max(highestOther, hits.Where(h => h.Key != person).Select(h => h.Score).DefaultIfEmpty(float.NegativeInfinity).Max());
            }
        }
        // Never confused: no other person ever reaches the threshold. Found: the right person ranks first in (nearly)
        // every search, and reaches the threshold in most. Measured 2026-11-22, default pipeline, thresholds for 2 and 3
        // entries (0.9361, 0.9384): rank-1 18/18 and 17/18, above the threshold 17/18 in both, no other person above it
        // (highest other-person score 0.919 and 0.914). At LFW's 1,680-entry threshold 0.9655 only 13/18 were, hence the
        // earlier 65% bar.
        var stats = $"{clip}: {searches} searches, right person first in {foundAtRank1}, above the threshold {threshold} in {aboveThreshold}, " +
                    $"others above it {confusions} (highest other {highestOther:F4})";
        output.WriteLine(stats);
        Assert.True(confusions == 0, stats);
        Assert.True(foundAtRank1 >= searches * 0.9, stats);
        Assert.True(aboveThreshold >= searches * 0.8, stats);
    }

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68"], "videos/face-demographics-walking.mp4")]
    public void Small_faces_of_a_low_resolution_clip_are_detected_in_most_frames()
    {
        const string clip = "face-demographics-walking.mp4";
        var frames = ClipFrames.Read(clip, every: 5);
        // Two people, faces 12-24 px wide in a 480x270 frame.
        var found = frames.Count(f => Analyzer.Value.Analyze(f.Image, embed: false).Count(x => x.Detection.Box.Width < 30) >= 2);
        Assert.True(found >= frames.Count * 0.8, $"both small faces found in only {found} of {frames.Count} frames");
    }
}
