using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Tests.Kernels;

public class Conv2DKernelTests
{
    // batch, h, w, cin, cout, [kh, kw], stride, padding, [explicit pads t, b, l, r, dilation]
    public static TheoryData<int, int, int, int, int, int[], int, PaddingMode, int[]> Shapes() => new()
    {
        { 2, 5, 7, 19, 37, [1, 1], 1, PaddingMode.Valid, [0, 0, 0, 0, 1] },
        { 1, 17, 19, 16, 40, [1, 1], 1, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 2, 9, 11, 6, 8, [1, 1], 2, PaddingMode.Valid, [0, 0, 0, 0, 1] },
        { 1, 9, 7, 5, 33, [3, 3], 1, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 2, 11, 13, 7, 16, [3, 3], 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 10, 12, 8, 17, [3, 3], 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 11, 10, 3, 9, [3, 3], 2, PaddingMode.Valid, [0, 0, 0, 0, 1] },
        { 3, 8, 9, 4, 12, [3, 3], 1, PaddingMode.Explicit, [1, 2, 0, 1, 1] },
        { 1, 13, 15, 6, 20, [5, 5], 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 12, 9, 5, 7, [5, 5], 1, PaddingMode.Valid, [0, 0, 0, 0, 1] },
        { 2, 29, 31, 3, 24, [7, 7], 4, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 18, 22, 3, 11, [7, 7], 2, PaddingMode.Explicit, [3, 3, 3, 3, 1] },
        { 1, 13, 14, 5, 10, [3, 3], 4, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 12, 11, 4, 6, [3, 1], 1, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 10, 10, 4, 6, [3, 3], 1, PaddingMode.Same, [0, 0, 0, 0, 2] },
        { 2, 5, 6, 240, 20, [3, 3], 1, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 33, 35, 16, 40, [3, 3], 1, PaddingMode.Same, [0, 0, 0, 0, 1] },   // big enough to run in parallel
        { 1, 2, 3, 4, 5, [5, 5], 1, PaddingMode.Same, [0, 0, 0, 0, 1] },      // kernel larger than the image
        { 2, 1, 1, 8, 8, [3, 3], 2, PaddingMode.Same, [0, 0, 0, 0, 1] },
        { 1, 7, 6, 232, 9, [3, 3], 2, PaddingMode.Explicit, [1, 1, 0, 2, 1] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Conv2D_matches_the_naive_reference_for_every_epilogue_isa_and_thread_count(
        int batch, int h, int w, int cin, int cout, int[] kernelSize, int stride, PaddingMode padding, int[] pads)
    {
        int kh = kernelSize[0], kw = kernelSize[1], dilation = pads[4];
        var g = new ConvGeometry(kh, kw, stride, stride, dilation, dilation, padding, pads[0], pads[1], pads[2], pads[3]);
        var x = KernelTestData.Random(batch * h * w * cin, seed: h * 31 + w);
        var filter = KernelTestData.Random(kh * kw * cin * cout, seed: cin * 7 + cout);
        foreach (var name in KernelTestData.Epilogues)
        {
            var epilogue = KernelTestData.MakeEpilogue(name, cout, seed: cout);
            var reference = ReferenceKernels.Conv2D(x, batch, h, w, cin, filter, cout, g, epilogue);
            foreach (var isa in KernelIsas.Available)
                KernelTestData.AssertMatchesReference(Conv2DKernel.Create(g, cin, cout, filter, epilogue, isa), x, batch, h, w, reference, $"{isa} {name}");
        }
    }

    [Fact]
    public void Conv2D_rejects_a_filter_of_the_wrong_size()
    {
        var g = new ConvGeometry(3, 3, 1, 1);
        var error = Assert.Throws<ArgumentException>(() => Conv2DKernel.Create(g, 4, 8, new float[3 * 3 * 4 * 7], Epilogue.None));
        Assert.Contains("[3,3,4,8]", error.Message);
    }

    [Fact]
    public void Conv2D_rejects_an_output_buffer_that_is_too_small()
    {
        var kernel = Conv2DKernel.Create(new ConvGeometry(1, 1, 1, 1), 2, 3, new float[6], Epilogue.None);
        var error = Assert.Throws<ArgumentException>(() =>
            kernel.Run(new float[2 * 4 * 4 * 2], 2, 4, 4, new float[2 * 4 * 4 * 3 - 1], new float[kernel.WorkspaceFloats(2, 4, 4)], Parallelism.Single));
        Assert.Contains("output", error.Message);
    }

    [Fact]
    public void Conv2D_rejects_a_bias_of_the_wrong_length()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2DKernel.Create(new ConvGeometry(1, 1, 1, 1), 2, 3, new float[6], new Epilogue(new float[4])));
        Assert.Contains("bias", error.Message);
    }
}
