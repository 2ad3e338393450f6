namespace OpenLfr.Vision.Video;

/// <summary>
/// The last few lines of a subprocess's diagnostics (ffmpeg's stderr), kept for error reports. Bounded
/// so a chatty or broken stream cannot grow memory; frames never go here. Thread-safe.
/// </summary>
public sealed class BoundedLog
{
    private readonly Queue<string> _lines = new();
    private readonly int _maxLines;
    private readonly int _maxLineLength;

    public BoundedLog(int maxLines = 100, int maxLineLength = 500)
    {
        _maxLines = maxLines;
        _maxLineLength = maxLineLength;
    }

    public void Add(string line)
    {
        if (line.Length > _maxLineLength) line = line[.._maxLineLength] + "…";
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _maxLines) _lines.Dequeue();
        }
    }

    public IReadOnlyList<string> Lines()
    {
        lock (_lines) return _lines.ToArray();
    }

    /// <summary>The last <paramref name="count"/> lines joined, for an error message.</summary>
    public string Tail(int count = 5) => string.Join(" | ", Lines().TakeLast(count));
}
