using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Tests.Kernels;

/// <summary>Seeded inputs, the epilogues under test and the tolerance check shared by the kernel tests.</summary>
internal static class KernelTestData
{
    public static float[] Random(int length, int seed, float range = 1f)
    {
        var rng = new Random(seed);
        var data = new float[length];
        for (int i = 0; i < data.Length; i++) data[i] = (float)(rng.NextDouble() * 2 - 1) * range;
        return data;
    }

    public static Epilogue MakeEpilogue(string name, int channels, int seed) => name switch
    {
        "none" => Epilogue.None,
        "bias" => new Epilogue(Random(channels, seed)),
        // A large bias so Relu6's upper clamp is exercised too.
        "relu" => new Epilogue(Random(channels, seed), Activation.Relu),
        "relu6" => new Epilogue(Random(channels, seed, 8f), Activation.Relu6),
        "prelu" => new Epilogue(Random(channels, seed), Activation.PRelu, Random(channels, seed + 1)),
        "leaky" => new Epilogue(null, Activation.LeakyRelu, LeakyAlpha: 0.1f),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static readonly string[] Epilogues = ["none", "bias", "relu", "relu6", "prelu", "leaky"];

    /// <summary>|got - ref| &lt;= 1e-5 * (sum of |terms|) + 1e-6 for every element: float rounding, nothing more.</summary>
    public static void AssertClose(float[] expected, double[] scale, ReadOnlySpan<float> actual, string what)
    {
        Assert.True(actual.Length >= expected.Length, $"{what}: output too short");
        for (int i = 0; i < expected.Length; i++)
        {
            double tol = 1e-5 * scale[i] + 1e-6;
            double diff = Math.Abs(actual[i] - (double)expected[i]);
            if (!(diff <= tol))
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]} (diff {diff:g3} > tol {tol:g3})");
        }
    }

    public static readonly Parallelism TwoThreads = new(2);

    /// <summary>
    /// Runs a convolution kernel on one and on two threads and checks each output against the reference
    /// (<see cref="AssertClose"/>), the output size it reports, and that it writes nothing past the output.
    /// </summary>
    public static void AssertMatchesReference(ConvolutionKernel kernel, float[] x, int batch, int h, int w,
        (float[] Expected, double[] Scale, int OutH, int OutW) reference, string what)
    {
        var (expected, scale, oh, ow) = reference;
        Assert.Equal((oh, ow), kernel.OutputSize(h, w));
        foreach (var parallelism in new[] { Parallelism.Single, TwoThreads })
        {
            var output = new float[expected.Length + 8];
            output.AsSpan(expected.Length).Fill(float.NaN);
            var workspace = new float[kernel.WorkspaceFloats(batch, h, w)];
            kernel.Run(x, batch, h, w, output, workspace, parallelism);
            AssertClose(expected, scale, output, $"{kernel.GetType().Name} {what} threads={parallelism.Threads}");
            Assert.All(output[expected.Length..], v => Assert.True(float.IsNaN(v), "wrote past the output"));
        }
    }
}
