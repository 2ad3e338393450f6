using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Tests.Kernels;

public class MatMulKernelTests
{
    public static TheoryData<int, int, int, bool> Shapes() => new()
    {
        { 1, 7, 5, false },
        { 1, 64, 33, false },
        { 3, 29, 47, false },
        { 8, 37, 64, true },
        { 13, 16, 100, false },
        { 2, 130, 17, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatMul_matches_the_naive_reference_for_every_epilogue_isa_and_thread_count(int m, int k, int n, bool transpose)
    {
        var x = KernelTestData.Random(m * k, seed: m * 13 + k);
        var wKN = KernelTestData.Random(k * n, seed: k * 5 + n);
        var given = wKN;
        if (transpose)
        {
            given = new float[n * k];
            for (int i = 0; i < k; i++)
            for (int j = 0; j < n; j++)
                given[j * k + i] = wKN[i * n + j];
        }
        foreach (var name in KernelTestData.Epilogues)
        {
            var epilogue = KernelTestData.MakeEpilogue(name, n, seed: n);
            var (expected, scale) = ReferenceKernels.MatMul(x, m, k, wKN, n, epilogue);
            foreach (var isa in KernelIsas.Available)
            {
                var kernel = MatMulKernel.Create(k, n, given, epilogue, transpose, isa);
                foreach (var parallelism in new[] { Parallelism.Single, KernelTestData.TwoThreads })
                {
                    var output = new float[expected.Length + 8];
                    output.AsSpan(expected.Length).Fill(float.NaN);
                    kernel.Run(x, m, output, parallelism);
                    KernelTestData.AssertClose(expected, scale, output,
                        $"{kernel.GetType().Name} {isa} {name} threads={parallelism.Threads}");
                    Assert.All(output[expected.Length..], v => Assert.True(float.IsNaN(v), "wrote past the output"));
                }
            }
        }
    }

    [Fact]
    public void MatMul_rejects_weights_of_the_wrong_size()
    {
        var error = Assert.Throws<ArgumentException>(() => MatMulKernel.Create(4, 3, new float[11], Epilogue.None));
        Assert.Contains("K=4", error.Message);
    }
}
