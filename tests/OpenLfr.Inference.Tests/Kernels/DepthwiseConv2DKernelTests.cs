using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Tests.Kernels;

public class DepthwiseConv2DKernelTests
{
    // batch, h, w, channels, multiplier, k, stride, padding, explicit pads (t, b, l, r) and dilation
    public static TheoryData<int, int, int, int, int, int, int, PaddingMode, int[]> Shapes() => new()
    {
        { 2, 9, 11, 19, 1, 3, 1, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 12, 13, 37, 1, 3, 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 11, 10, 32, 1, 3, 2, PaddingMode.Valid, [0, 0, 0, 0, 1] },
        { 2, 14, 9, 48, 1, 5, 1, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 15, 16, 20, 1, 5, 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 10, 11, 8, 1, 3, 1, PaddingMode.Explicit, [1, 1, 2, 0, 1] },
        { 1, 17, 17, 5, 1, 7, 4, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 6, 7, 3, 1, 1, 1, PaddingMode.Valid, [0, 0, 0, 0, 1] },
        { 2, 9, 8, 7, 2, 3, 1, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 10, 13, 16, 2, 3, 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 11, 11, 9, 2, 5, 2, PaddingMode.Valid, [0, 0, 0, 0, 1] },
        { 1, 13, 12, 24, 1, 3, 1, PaddingMode.Same, [0, 0, 0, 0, 2] },
        { 2, 20, 21, 64, 1, 3, 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 30, 29, 48, 1, 5, 1, PaddingMode.Same, [0, 0, 0, 0, 1] },   // big enough to run in parallel
        { 1, 9, 40, 24, 1, 5, 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 6, 37, 40, 1, 3, 1, PaddingMode.Valid, [0, 0, 0, 0, 1] },
        { 1, 2, 2, 16, 1, 5, 1, PaddingMode.Same, [0, 0, 0, 0, 1] },      // kernel larger than the image
        { 2, 1, 1, 33, 1, 3, 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Depthwise_matches_the_naive_reference_for_every_epilogue_isa_and_thread_count(
        int batch, int h, int w, int c, int m, int k, int stride, PaddingMode padding, int[] pads)
    {
        var g = new ConvGeometry(k, k, stride, stride, pads[4], pads[4], padding, pads[0], pads[1], pads[2], pads[3]);
        var x = KernelTestData.Random(batch * h * w * c, seed: h * 31 + w);
        var filter = KernelTestData.Random(k * k * c * m, seed: c * 7 + m);
        foreach (var name in KernelTestData.Epilogues)
        {
            var epilogue = KernelTestData.MakeEpilogue(name, c * m, seed: c);
            var reference = ReferenceKernels.Depthwise(x, batch, h, w, c, m, filter, g, epilogue);
            foreach (var isa in KernelIsas.Available)
                KernelTestData.AssertMatchesReference(DepthwiseConv2DKernel.Create(g, c, m, filter, epilogue, isa), x, batch, h, w, reference, $"{isa} {name}");
        }
    }

    [Fact]
    public void Depthwise_rejects_a_filter_of_the_wrong_size()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DepthwiseConv2DKernel.Create(new ConvGeometry(3, 3, 1, 1), 8, 1, new float[3 * 3 * 7], Epilogue.None));
        Assert.Contains("[3,3,8,1]", error.Message);
    }
}
