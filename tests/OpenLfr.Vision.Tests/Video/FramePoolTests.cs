using OpenLfr.Vision.Video;

namespace OpenLfr.Vision.Tests.Video;

public class FramePoolTests
{
    private static void Write(FramePool pool, byte marker)
    {
        var f = pool.RentForWrite()!;
        f.Image.Pixels[0] = marker;
        pool.Publish(f);
    }

    [Fact]
    public async Task Consumer_gets_the_newest_frame_and_older_waiting_frames_are_dropped()
    {
        var pool = new FramePool(4, 4, 4);
        Write(pool, 1);
        Write(pool, 2);
        Write(pool, 3);
        using var frame = await pool.TakeNewestAsync(TimeSpan.FromSeconds(1));
        Assert.NotNull(frame);
        Assert.Equal(3, frame.Image.Pixels[0]);
        Assert.Equal(2, pool.Dropped);
    }

    [Fact]
    public async Task Writer_reuses_the_oldest_waiting_buffer_when_none_is_free_so_memory_never_grows()
    {
        var pool = new FramePool(4, 4, 3);
        var seen = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        for (byte i = 0; i < 50; i++)
        {
            var f = pool.RentForWrite()!;
            seen.Add(f.Image.Pixels);
            f.Image.Pixels[0] = i;
            pool.Publish(f);
        }
        Assert.Equal(3, seen.Count);
        using var newest = await pool.TakeNewestAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(49, newest!.Image.Pixels[0]);
        Assert.Equal(49, pool.Dropped);
    }

    [Fact]
    public async Task Completed_pool_returns_null_after_the_last_frame()
    {
        var pool = new FramePool(4, 4, 3);
        Write(pool, 7);
        pool.Complete();
        using (var f = await pool.TakeNewestAsync(TimeSpan.FromSeconds(1))) Assert.Equal(7, f!.Image.Pixels[0]);
        Assert.Null(await pool.TakeNewestAsync(TimeSpan.FromSeconds(1)));
        Assert.Null(await pool.TakeNewestAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Take_times_out_with_null_when_nothing_arrives()
    {
        var pool = new FramePool(4, 4, 3);
        Assert.Null(await pool.TakeNewestAsync(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void Writer_gets_null_instead_of_allocating_when_the_consumer_holds_every_buffer()
    {
        var pool = new FramePool(4, 4, 3);
        var held = Enumerable.Range(0, 3).Select(_ => pool.RentForWrite()).ToList();
        Assert.All(held, Assert.NotNull);
        Assert.Null(pool.RentForWrite());
        held[0]!.Dispose();
        Assert.NotNull(pool.RentForWrite());
    }
}

public class LosslessFramePoolTests
{
    [Fact]
    public async Task Lossless_pool_delivers_every_frame_in_order_and_makes_the_writer_wait()
    {
        var pool = new FramePool(4, 4, 3, lossless: true);
        for (byte i = 1; i <= 3; i++)
        {
            var f = pool.RentForWrite()!;
            f.Image.Pixels[0] = i;
            pool.Publish(f);
        }
        Assert.Null(pool.RentForWrite());
        for (byte i = 1; i <= 3; i++)
        {
            using var f = await pool.TakeNewestAsync(TimeSpan.FromSeconds(1));
            Assert.Equal(i, f!.Image.Pixels[0]);
        }
        Assert.Equal(0, pool.Dropped);
    }
}
