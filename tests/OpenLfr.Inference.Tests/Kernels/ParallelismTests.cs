using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Tests.Kernels;

public unsafe class ParallelismTests
{
    private static void MarkItem(void* state, int i) => Interlocked.Increment(ref ((int*)state)[i]);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(2, 1000)]
    [InlineData(3, 7)]
    public void For_runs_every_item_exactly_once(int threads, int count)
    {
        using var parallelism = new Parallelism(threads);
        var hits = new int[count];
        for (int round = 0; round < 20; round++)
        {
            fixed (int* p = hits) parallelism.For(count, &MarkItem, p);
        }
        Assert.All(hits, h => Assert.Equal(20, h));
    }

    private static void Throw(void* state, int i)
    {
        if (i == 3) throw new InvalidOperationException("item 3");
    }

    [Fact]
    public void For_rethrows_a_failing_item_and_stays_usable()
    {
        using var parallelism = new Parallelism(2);
        var error = Assert.Throws<AggregateException>(() => parallelism.For(10, &Throw, null));
        Assert.IsType<InvalidOperationException>(error.InnerException);
        var hits = new int[5];
        fixed (int* p = hits) parallelism.For(5, &MarkItem, p);
        Assert.All(hits, h => Assert.Equal(1, h));
    }
}
