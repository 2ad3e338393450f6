using System.Collections.Concurrent;
using OpenLfr.Core.Live;

namespace OpenLfr.Core.Tests.Live;

/// <summary>Collects alerts; optionally writes each alert's images to a folder as a store would.</summary>
internal sealed class ListAlertSink(string? directory = null) : IAlertSink
{
    public ConcurrentQueue<PossibleMatchAlert> Alerts { get; } = new();

    public ValueTask PublishAsync(PossibleMatchAlert alert, CancellationToken cancellationToken)
    {
        Alerts.Enqueue(alert);
        if (directory is not null)
        {
            File.WriteAllBytes(Path.Combine(directory, $"alert-{alert.TrackId}-{alert.SubjectId}-crop.jpg"), alert.ProbeCropJpeg);
            File.WriteAllBytes(Path.Combine(directory, $"alert-{alert.TrackId}-{alert.SubjectId}-frame.jpg"), alert.FrameThumbnailJpeg);
        }
        return ValueTask.CompletedTask;
    }
}
