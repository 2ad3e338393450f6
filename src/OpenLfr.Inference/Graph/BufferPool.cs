namespace OpenLfr.Inference.Graph;

/// <summary>
/// Reuses activation buffers between nodes and between runs. Rent picks the smallest free buffer that fits,
/// so once a run with a given input shape has been seen, later runs with that shape allocate nothing.
/// Not thread-safe: one pool per executing model.
/// </summary>
internal sealed class BufferPool
{
    private readonly List<Buffer> _free = new();

    public long AllocatedFloats { get; private set; }

    public Buffer Rent(int length)
    {
        var best = -1;
        for (var i = 0; i < _free.Count; i++)
        {
            var capacity = _free[i].Data.Length;
            if (capacity >= length && (best < 0 || capacity < _free[best].Data.Length)) best = i;
        }
        Buffer buffer;
        if (best >= 0)
        {
            buffer = _free[best];
            _free[best] = _free[^1];
            _free.RemoveAt(_free.Count - 1);
        }
        else
        {
            buffer = new Buffer(new float[Math.Max(length, 1)]);
            AllocatedFloats += buffer.Data.Length;
        }
        buffer.References = 1;
        return buffer;
    }

    public void AddReference(Buffer buffer)
    {
        if (!buffer.Pinned) buffer.References++;
    }

    public void Release(Buffer buffer)
    {
        if (buffer.Pinned) return;
        if (--buffer.References == 0) _free.Add(buffer);
    }
}
