using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Tests.Kernels;

public class ConvGeometryTests
{
    [Theory]
    // in, k, stride -> out, padBefore (TensorFlow SAME: extra padding goes after)
    [InlineData(7, 3, 2, 4, 1)]
    [InlineData(8, 3, 2, 4, 0)]
    [InlineData(224, 7, 4, 56, 1)]
    [InlineData(1088, 7, 4, 272, 1)]
    [InlineData(1920, 7, 4, 480, 1)]
    [InlineData(5, 1, 1, 5, 0)]
    [InlineData(2, 5, 1, 2, 2)]
    [InlineData(9, 3, 4, 3, 1)]
    [InlineData(10, 3, 4, 3, 0)]
    public void Same_padding_follows_tensorflow(int size, int k, int stride, int expectedOut, int expectedPad)
    {
        var g = new ConvGeometry(k, k, stride, stride, Padding: PaddingMode.Same);
        var (outH, outW, padTop, padLeft) = g.Resolve(size, size);
        Assert.Equal((expectedOut, expectedOut, expectedPad, expectedPad), (outH, outW, padTop, padLeft));
    }

    [Fact]
    public void Valid_padding_drops_the_remainder()
    {
        var g = new ConvGeometry(3, 5, 2, 2);
        Assert.Equal((4, 3, 0, 0), g.Resolve(10, 10));
    }

    [Fact]
    public void Explicit_padding_uses_the_given_pads()
    {
        var g = new ConvGeometry(3, 3, 2, 2, Padding: PaddingMode.Explicit, PadTop: 1, PadBottom: 0, PadLeft: 2, PadRight: 1);
        Assert.Equal((5, 6, 1, 2), g.Resolve(10, 10));
    }

    [Fact]
    public void Valid_padding_rejects_an_input_smaller_than_the_kernel()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConvGeometry(5, 5, 1, 1).Resolve(4, 9));
        Assert.Contains("height 4", error.Message);
    }
}
