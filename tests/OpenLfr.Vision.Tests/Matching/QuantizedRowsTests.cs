using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Matching;

namespace OpenLfr.Vision.Tests.Matching;

public sealed class QuantizedRowsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(130)]
    [InlineData(192)]
    [InlineData(1024)]
    public void Round_trip_is_within_half_a_step_and_uses_the_full_int8_range(int d)
    {
        var random = new Random(d);
        var rows = new QuantizedRows(d, 2);
        for (var trial = 0; trial < 40; trial++)
        {
            var v = GalleryTestData.UnitVector(random, d);
            var row = trial % 37; // crosses panel boundaries and grows the storage
            rows.EnsureCapacity(row + 1);
            rows.Set(row, v);
            var q = rows.Row(row);
            var s = rows.Scales[row];
            Assert.Equal(v.Max(MathF.Abs) / 127f, s, 6);
            Assert.Equal(127, q.Max(x => Math.Abs((int)x)));
            double residual = 0;
            for (var i = 0; i < d; i++)
            {
                var e = v[i] - (double)s * q[i];
                Assert.True(Math.Abs(e) <= s / 2 * 1.0001, $"d={d} i={i}: {v[i]} stored as {q[i]} x {s}");
                residual += e * e;
            }
            Assert.True(Math.Sqrt(residual) <= rows.MaxResidualNorm);
            Assert.Equal(128 * q.Sum(x => (int)x), rows.Bias[row]);
        }
    }

    [Fact]
    public void Move_and_clear_carry_the_row_with_its_scale_and_leave_zeros()
    {
        var random = new Random(5);
        var rows = new QuantizedRows(130, 40);
        var a = GalleryTestData.UnitVector(random, 130);
        rows.Set(33, a);
        var stored = rows.Row(33);
        var scale = rows.Scales[33];
        rows.Move(33, 2);
        Assert.Equal(stored, rows.Row(2));
        Assert.Equal(scale, rows.Scales[2]);
        rows.Clear(33);
        Assert.All(rows.Row(33), x => Assert.Equal(0, x));
        Assert.Equal(0f, rows.Scales[33]);
        Assert.Equal(0, rows.Bias[33]);
    }

    [Fact]
    public void Gallery_stores_each_template_quantised_with_its_own_scale()
    {
        using var gallery = new FaceGallery<string>("e", "1", 5);
        gallery.Add("a", new FaceTemplate("e", "1", [3, 4, 0, 0, 0]));
        var (values, scale) = gallery.QuantizedRow("a");
        Assert.Equal(new sbyte[] { 95, 127, 0, 0, 0 }, values); // 0.6 / (0.8 / 127) = 95.25
        Assert.Equal(0.8f / 127, scale, 7);
    }
}
