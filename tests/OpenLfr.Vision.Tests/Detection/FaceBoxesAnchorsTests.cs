using OpenLfr.Vision.Detection;

namespace OpenLfr.Vision.Tests.Detection;

public sealed class FaceBoxesAnchorsTests
{
    [Fact]
    public void Each_head_has_its_anchors_per_cell()
    {
        Assert.Equal(21, FaceBoxesAnchors.AnchorsPerCell(0));
        Assert.Equal(1, FaceBoxesAnchors.AnchorsPerCell(1));
        Assert.Equal(1, FaceBoxesAnchors.AnchorsPerCell(2));
        var anchors = FaceBoxesAnchors.Generate(256, 128);
        Assert.Equal([0, 8 * 4 * 21, 8 * 4 * 21 + 4 * 2, 8 * 4 * 21 + 4 * 2 + 2], anchors.HeadOffsets);
    }

    [Fact]
    public void Densified_32px_anchors_tile_the_cell_x_major()
    {
        var a = FaceBoxesAnchors.Generate(512, 512).Boxes;
        // Cell (row 2, col 3) of the stride-32 head: centre (112, 80) in (y, x); 32-px anchors at offsets -12,-4,4,12.
        var cell = (2 * 16 + 3) * 21;
        for (var ix = 0; ix < 4; ix++)
        for (var iy = 0; iy < 4; iy++)
        {
            var k = (cell + ix * 4 + iy) * 4;
            Assert.Equal(80 - 12 + 8 * iy, a[k], 3);
            Assert.Equal(112 - 12 + 8 * ix, a[k + 1], 3);
            Assert.Equal(32, a[k + 2], 3);
            Assert.Equal(32, a[k + 3], 3);
        }
        // Then the 2x2 64-px anchors at offsets -16, +16, then the 128-px anchor at the centre.
        var k64 = (cell + 16 + 1) * 4; // ix 0, iy 1
        Assert.Equal((80 + 16, 112 - 16, 64f, 64f), (a[k64], a[k64 + 1], a[k64 + 2], a[k64 + 3]));
        var k128 = (cell + 20) * 4;
        Assert.Equal((80f, 112f, 128f, 128f), (a[k128], a[k128 + 1], a[k128 + 2], a[k128 + 3]));
    }

    [Fact]
    public void Anchors_are_clipped_to_the_image()
    {
        var a = FaceBoxesAnchors.Generate(128, 128).Boxes;
        // First anchor: 32 px centred at (4, 4) -> spans -12..20, clipped to 0..20.
        Assert.Equal((10f, 10f, 20f, 20f), (a[0], a[1], a[2], a[3]));
    }

    [Fact]
    public void Input_must_be_padded_to_128()
    {
        Assert.Throws<ArgumentException>(() => FaceBoxesAnchors.Generate(250, 250));
    }
}
