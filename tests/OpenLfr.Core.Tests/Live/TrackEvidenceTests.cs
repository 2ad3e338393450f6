using OpenLfr.Core.Live;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Core.Tests.Live;

public class TrackEvidenceTests
{
    private static float[] Unit(params float[] v)
    {
        var n = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / n).ToArray();
    }

    [Fact]
    public void Keeps_the_best_samples_by_quality_and_zeroes_the_ones_it_drops()
    {
        var e = new TrackEvidence(2, DateTimeOffset.UtcNow);
        var low = Unit(1, 0, 0);
        var mid = Unit(0, 1, 0);
        var high = Unit(0, 0, 1);
        e.Add(0.2f, low, 0);
        e.Add(0.5f, mid, 0.2);
        e.Add(0.9f, high, 0.4);
        Assert.Equal(2, e.SampleCount);
        Assert.All(low, x => Assert.Equal(0, x));
        var pooled = e.Pooled!;
        Assert.Equal(1f, MathF.Sqrt(pooled.Sum(x => x * x)), 3);
        Assert.Equal(0f, pooled[0], 5);
        Assert.Equal(pooled[1], pooled[2], 5);
    }

    [Fact]
    public void Wants_samples_while_there_is_room_then_only_better_ones_and_not_too_often()
    {
        var e = new TrackEvidence(1, DateTimeOffset.UtcNow);
        Assert.True(e.WantsSample(0.3f, 0, 0.15));
        e.Add(0.3f, Unit(1, 0), 0);
        Assert.False(e.WantsSample(0.9f, 0.1, 0.15)); // too soon
        Assert.False(e.WantsSample(0.3f, 0.5, 0.15)); // not better
        Assert.True(e.WantsSample(0.9f, 0.5, 0.15));
    }

    [Fact]
    public void Clear_zeroes_every_embedding_the_pooled_vector_and_the_crop()
    {
        var e = new TrackEvidence(3, DateTimeOffset.UtcNow);
        var a = Unit(1, 2, 3);
        var b = Unit(3, 2, 1);
        e.Add(0.5f, a, 0);
        e.Add(0.6f, b, 0.2);
        var pooled = e.Pooled!;
        var frame = new RgbImage(64, 64);
        Array.Fill(frame.Pixels, (byte)200);
        e.OfferCrop(frame, new BoxF(10, 10, 20, 20), 0.5f);
        var crop = e.BestCrop!;
        Assert.Contains(crop.Pixels, p => p != 0);

        e.Clear();
        Assert.All(a, x => Assert.Equal(0, x));
        Assert.All(b, x => Assert.Equal(0, x));
        Assert.All(pooled, x => Assert.Equal(0, x));
        Assert.All(crop.Pixels, p => Assert.Equal(0, p));
        Assert.Null(e.BestCrop);
        Assert.Null(e.Pooled);
    }

    [Fact]
    public void Quality_weighted_pooling_leans_towards_the_better_frame()
    {
        var plain = new TrackEvidence(2, DateTimeOffset.UtcNow, TrackPooling.Mean);
        var weighted = new TrackEvidence(2, DateTimeOffset.UtcNow, TrackPooling.QualityWeighted);
        foreach (var e in new[] { plain, weighted })
        {
            e.Add(0.9f, Unit(1, 0), 0);
            e.Add(0.1f, Unit(0, 1), 0.2);
        }
        Assert.Equal(plain.Pooled![0], plain.Pooled[1], 5);
        Assert.True(weighted.Pooled![0] > 0.9f, $"weighted pooled {weighted.Pooled[0]}");
        Assert.Equal(1f, MathF.Sqrt(weighted.Pooled.Sum(x => x * x)), 3);
    }

    [Fact]
    public void Absorbing_an_earlier_track_keeps_the_best_samples_its_alerts_and_id_and_empties_it()
    {
        var seen = DateTimeOffset.UtcNow;
        var earlier = new TrackEvidence(2, seen.AddSeconds(-3));
        var a = Unit(1, 0, 0);
        var b = Unit(0, 1, 0);
        earlier.Add(0.8f, a, 0);
        earlier.Add(0.2f, b, 0.2);
        earlier.AlertedSubjects.Add("subject-1");
        var later = new TrackEvidence(2, seen);
        var c = Unit(0, 0, 1);
        later.Add(0.5f, c, 2);

        later.Absorb(earlier, 7);

        Assert.Equal(7, later.AliasOf);
        Assert.Equal(seen.AddSeconds(-3), later.FirstSeen);
        Assert.Contains("subject-1", later.AlertedSubjects);
        Assert.Equal(2, later.SampleCount);
        Assert.All(b, x => Assert.Equal(0, x)); // the worst of the three is dropped and zeroed
        Assert.True(later.Similarity(Unit(1, 0, 1)) > 0.99f);
        Assert.Equal(0, earlier.SampleCount);
        Assert.Null(earlier.Pooled);
    }
}
