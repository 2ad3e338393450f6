using OpenLfr.Inference.Kernels;
using OpenLfr.Inference.Kernels.Conv;
using OpenLfr.Inference.Kernels.DepthwiseConv;
using OpenLfr.Inference.Kernels.Gemm;

namespace OpenLfr.Inference.Tests.Kernels;

/// <summary>The fast paths are the ones actually used (so the reference tests cover them), and they allocate nothing per run.</summary>
public class KernelSelectionTests
{
    [Fact]
    public void Create_picks_the_vector_kernels_on_a_vector_machine()
    {
        if (KernelIsas.Best == KernelIsa.Scalar) return;   // no vector kernels on this CPU: nothing to select
        Assert.IsType<Conv2DIgemm>(Conv2DKernel.Create(new ConvGeometry(3, 3, 1, 1), 4, 8, new float[3 * 3 * 4 * 8], Epilogue.None));
        Assert.IsType<MatMulIgemm>(MatMulKernel.Create(4, 8, new float[32], Epilogue.None));
        Assert.IsType<DepthwiseConv2DDirect>(DepthwiseConv2DKernel.Create(new ConvGeometry(3, 3, 1, 1), 32, 1, new float[9 * 32], Epilogue.None));
    }

    [Fact]
    public void Run_allocates_nothing_in_steady_state()
    {
        using var parallelism = new Parallelism(2);
        var g = new ConvGeometry(3, 3, 2, 2, Padding: PaddingMode.Same);
        var conv = Conv2DKernel.Create(g, 8, 40, KernelTestData.Random(3 * 3 * 8 * 40, 1), new Epilogue(KernelTestData.Random(40, 2), Activation.Relu6));
        var dw = DepthwiseConv2DKernel.Create(g, 40, 1, KernelTestData.Random(3 * 3 * 40, 3), new Epilogue(null, Activation.Relu));
        var mm = MatMulKernel.Create(40, 24, KernelTestData.Random(40 * 24, 4), Epilogue.None);
        var x = KernelTestData.Random(2 * 33 * 31 * 8, 5);
        var (oh, ow) = conv.OutputSize(33, 31);
        var y = new float[2 * oh * ow * 40];
        var (oh2, ow2) = dw.OutputSize(oh, ow);
        var z = new float[2 * oh2 * ow2 * 40];
        var m = new float[2 * oh2 * ow2 * 24];
        var ws = new float[conv.WorkspaceFloats(2, 33, 31)];
        void RunAll()
        {
            conv.Run(x, 2, 33, 31, y, ws, parallelism);
            dw.Run(y, 2, oh, ow, z, [], parallelism);
            mm.Run(z, 2 * oh2 * ow2, m, parallelism);
        }
        RunAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) RunAll();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
