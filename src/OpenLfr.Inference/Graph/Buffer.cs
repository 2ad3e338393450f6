namespace OpenLfr.Inference.Graph;

/// <summary>A reference-counted float array from a <see cref="BufferPool"/>. Several values may share one
/// (Reshape, Squeeze); it returns to the pool when the last of them has been consumed. Pinned buffers
/// (constants) never return.</summary>
internal sealed class Buffer
{
    public Buffer(float[] data, bool pinned = false)
    {
        Data = data;
        Pinned = pinned;
    }

    public float[] Data { get; }
    public bool Pinned { get; }
    public int References { get; set; }
}
