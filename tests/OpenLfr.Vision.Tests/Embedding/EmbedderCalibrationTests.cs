using OpenLfr.Vision.Embedding;

namespace OpenLfr.Vision.Tests.Embedding;

public class EmbedderCalibrationTests
{
    private static readonly EmbedderCalibration Table = new(0.90f, 0.95f, 0.97f, "test")
    {
        BySize =
        [
            new(1, 0.80f, 0.85f, 0.88f),
            new(10, 0.84f, 0.89f, 0.92f),
            new(100, 0.83f, 0.92f, null), // 0.83 < 0.84: a noisy point never lowers the threshold of a larger size
            new(1000, 0.88f, null, null),
        ],
    };

    [Fact]
    public void Sizes_between_measured_points_take_the_next_larger_measured_threshold()
    {
        Assert.Equal(0.80f, Table.ThresholdFor(0.01, 1));
        Assert.Equal(0.84f, Table.ThresholdFor(0.01, 2));
        Assert.Equal(0.84f, Table.ThresholdFor(0.01, 10));
        Assert.Equal(0.84f, Table.ThresholdFor(0.01, 11)); // next point (100) measured lower: the envelope keeps 0.84
        Assert.Equal(0.88f, Table.ThresholdFor(0.01, 101));
        Assert.Equal(0.92f, Table.ThresholdFor(0.001, 50));
        Assert.Equal(0.92f, Table.ThresholdFor(0.005, 50)); // between calibrated FPIRs: the stricter one
    }

    [Fact]
    public void Thresholds_never_fall_as_the_watchlist_grows()
    {
        foreach (var spec in EmbedderSpec.All)
        foreach (var fpir in EmbedderCalibration.CalibratedFpirs)
        {
            var previous = float.NegativeInfinity;
            foreach (var n in new[] { 1, 2, 7, 10, 33, 100, 250, 1000, 1680 }.Where(n => n <= spec.Calibration.GallerySize))
            {
                var t = spec.Calibration.ThresholdFor(fpir, n);
                Assert.True(t >= previous, $"{spec.Id} at FPIR {fpir}: {t} for N={n} is below {previous} for a smaller watchlist");
                previous = t;
            }
        }
    }

    [Fact]
    public void A_size_beyond_what_was_resolved_is_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Table.ThresholdFor(0.001, 101));
        Assert.Contains("largest resolved is 100", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Table.ThresholdFor(0.01, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Table.ThresholdFor(0.00001, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Table.ThresholdFor(double.NaN, 10));
    }

    [Fact]
    public void Without_a_size_table_the_fixed_figures_hold_up_to_their_gallery_and_no_further()
    {
        var fixedOnly = new EmbedderCalibration(0.90f, 0.95f, 0.97f, "test") { GallerySize = 300 };
        Assert.Equal(0.95f, fixedOnly.ThresholdFor(0.001, 1));
        Assert.Equal(0.95f, fixedOnly.ThresholdFor(0.001, 300));
        Assert.Contains("up to 300 entries", Assert.Throws<ArgumentOutOfRangeException>(() => fixedOnly.ThresholdFor(0.001, 301)).Message);
    }

    [Fact]
    public void Faceapi_table_agrees_with_its_fixed_figures_at_the_gallery_they_were_measured_on()
    {
        var c = EmbedderSpec.FaceApi.Calibration;
        // The fixed figures are rounded to nearest, the table up: at most 0.0001 apart.
        Assert.InRange(c.ThresholdFor(0.01, c.GallerySize) - c.AtFpir1In100, 0, 0.0001f + 1e-6f);
        Assert.InRange(c.ThresholdFor(0.001, c.GallerySize) - c.AtFpir1In1000, 0, 0.0001f + 1e-6f);
        Assert.True(c.ThresholdFor(0.001, 20) < c.ThresholdFor(0.001, 10_000));
        Assert.Equal(0.001, c.ExpectedFpirAt(c.ThresholdFor(0.001, 20), 20));
        Assert.Equal(0.0001, c.ExpectedFpirAt(c.ThresholdFor(0.001, 1000), 20)); // a big watchlist's threshold is strict for a small one
        Assert.Null(c.ExpectedFpirAt(c.ThresholdFor(0.001, 20), 10_000));        // and a small one's lax for a big one
    }
}
