using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Operators;

/// <summary>
/// Splits [0, count) into a few contiguous ranges over the kernels' thread team, for the memory-bound ops
/// (element-wise, pad, pool, concat). Small inputs run inline: below <c>minChunk</c> items per range the
/// hand-off costs more than it saves. Allocates nothing.
/// </summary>
internal static unsafe class ParallelChunks
{
    private struct Job
    {
        public delegate*<void*, int, int, void> Body;
        public void* State;
        public int Count;
        public int Chunk;
    }

    public static void Run(Parallelism parallelism, int count, int minChunk, delegate*<void*, int, int, void> body, void* state)
    {
        var chunks = parallelism.Threads <= 1 ? 1 : Math.Min(parallelism.Threads * 4, count / Math.Max(minChunk, 1));
        if (chunks <= 1)
        {
            body(state, 0, count);
            return;
        }
        var job = new Job { Body = body, State = state, Count = count, Chunk = (count + chunks - 1) / chunks };
        parallelism.For(chunks, &Step, &job);
    }

    private static void Step(void* state, int index)
    {
        var job = (Job*)state;
        var start = index * job->Chunk;
        var end = Math.Min(start + job->Chunk, job->Count);
        if (start < end) job->Body(job->State, start, end);
    }
}
