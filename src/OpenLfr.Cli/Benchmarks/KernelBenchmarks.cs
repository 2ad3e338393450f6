using System.Diagnostics;
using OpenLfr.Inference.Kernels;

namespace OpenLfr.Cli.Benchmarks;

/// <summary>
/// Representative layers of the face models, each timed per ISA variant and thread count.
/// Each case runs a short warm-up, then repeats for a fixed time budget; min and median are reported
/// because the machine is shared and noisy (the min is the cleanest estimate of kernel speed).
/// </summary>
internal static class KernelBenchmarks
{
    public sealed record Case(string Name, long Macs, Func<KernelIsa, Action<Parallelism>> Build);

    public sealed record Result(string Name, KernelIsa Isa, int Threads, double MinMs, double MedianMs, long Macs)
    {
        public double Gmacs => Macs / (MinMs * 1e6);
    }

    public static IReadOnlyList<Case> Cases() =>
    [
        Conv("conv 1x1 56x56x64->128", 1, 56, 56, 64, 128, 1, 1),
        Conv("conv 3x3 s2 112x112x32->64", 1, 112, 112, 32, 64, 3, 2),
        Conv("conv 3x3 28x28x128->128", 1, 28, 28, 128, 128, 3, 1),
        Conv("conv 7x7 s4 544x960x3->24", 1, 544, 960, 3, 24, 7, 4),
        Conv("conv 3x3 s2 224x224x3->32", 1, 224, 224, 3, 32, 3, 2),
        Conv("conv 1x1 128x128x24->24", 1, 128, 128, 24, 24, 1, 1),
        Conv("conv 1x1 14x14x512->512", 1, 14, 14, 512, 512, 1, 1),
        Conv("conv 1x1 b8 7x7x512->1024", 8, 7, 7, 512, 1024, 1, 1),
        Depthwise("dwconv 3x3 56x56x128", 1, 56, 56, 128, 3, 1),
        Depthwise("dwconv 3x3 s2 112x112x64", 1, 112, 112, 64, 3, 2),
        Depthwise("dwconv 5x5 28x28x256", 1, 28, 28, 256, 5, 1),
        Depthwise("dwconv 3x3 14x14x512", 1, 14, 14, 512, 3, 1),
        MatMul("matmul 1x512x1024", 1, 512, 1024),
        MatMul("matmul 8x512x1024", 8, 512, 1024),
    ];

    private static Case Conv(string name, int batch, int h, int w, int cin, int cout, int k, int stride)
    {
        var g = new ConvGeometry(k, k, stride, stride, Padding: PaddingMode.Same);
        var (oh, ow, _, _) = g.Resolve(h, w);
        long macs = (long)batch * oh * ow * cout * k * k * cin;
        return new Case(name, macs, isa =>
        {
            var kernel = Conv2DKernel.Create(g, cin, cout, Random(k * k * cin * cout), new Epilogue(Random(cout), Activation.Relu), isa);
            var input = Random(batch * h * w * cin);
            var output = new float[batch * oh * ow * cout];
            var workspace = new float[kernel.WorkspaceFloats(batch, h, w)];
            return p => kernel.Run(input, batch, h, w, output, workspace, p);
        });
    }

    private static Case Depthwise(string name, int batch, int h, int w, int c, int k, int stride)
    {
        var g = new ConvGeometry(k, k, stride, stride, Padding: PaddingMode.Same);
        var (oh, ow, _, _) = g.Resolve(h, w);
        long macs = (long)batch * oh * ow * c * k * k;
        return new Case(name, macs, isa =>
        {
            var kernel = DepthwiseConv2DKernel.Create(g, c, 1, Random(k * k * c), new Epilogue(Random(c), Activation.Relu6), isa);
            var input = Random(batch * h * w * c);
            var output = new float[batch * oh * ow * c];
            var workspace = new float[kernel.WorkspaceFloats(batch, h, w)];
            return p => kernel.Run(input, batch, h, w, output, workspace, p);
        });
    }

    private static Case MatMul(string name, int m, int k, int n)
    {
        return new Case(name, (long)m * k * n, isa =>
        {
            var kernel = MatMulKernel.Create(k, n, Random(k * n), new Epilogue(Random(n)), false, isa);
            var input = Random(m * k);
            var output = new float[m * n];
            return p => kernel.Run(input, m, output, p);
        });
    }

    public static Result Measure(Case c, KernelIsa isa, Parallelism parallelism, double budgetMs)
    {
        var run = c.Build(isa);
        for (int i = 0; i < 3; i++) run(parallelism);
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5 || (total.Elapsed.TotalMilliseconds < budgetMs && times.Count < 1000))
        {
            long start = Stopwatch.GetTimestamp();
            run(parallelism);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return new Result(c.Name, isa, parallelism.Threads, times[0], times[times.Count / 2], c.Macs);
    }

    private static float[] Random(int length)
    {
        var rng = new Random(length);
        var data = new float[length];
        for (int i = 0; i < data.Length; i++) data[i] = (float)(rng.NextDouble() * 2 - 1);
        return data;
    }
}
