using OpenLfr.Core.Cameras;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Video;

namespace OpenLfr.Core.Live;

/// <summary>
/// The newest picture of one camera for the console's live view: downscaled, with every detected face
/// pixelated except those of tracks that raised an alert, and everything outside the region of interest
/// pixelated too (no faces are looked for there, so none may be shown). The pipeline offers each processed
/// frame; a copy is kept at most every <see cref="MinInterval"/> and encoded to JPEG only when someone asks,
/// once per copy, so a camera costs at most about two encodes a second however many people watch.
/// Memory only: nothing here is written or logged; <see cref="Clear"/> drops the picture when the camera stops.
/// </summary>
public sealed class LiveView(int maxWidth = LiveView.DefaultMaxWidth, TimeSpan? minInterval = null, TimeProvider? time = null)
{
    public const int DefaultMaxWidth = 640;

    /// <summary>Block size (pixels of the live view) of the pixelation outside the region of interest.</summary>
    private const int OutsideBlock = 12;

    private readonly Lock _lock = new();
    private readonly int _maxWidth = maxWidth > 0 ? maxWidth : throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "the live view must be at least 1 pixel wide");
    private RgbImage? _image;
    private DateTime _capturedUtc;
    private LiveFrame? _encoded;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _keptAt;

    public TimeSpan MinInterval { get; } = minInterval ?? TimeSpan.FromMilliseconds(500);

    /// <summary>JPEG encodes done so far (for tests of the rate limit).</summary>
    public int Encodes { get; private set; }

    /// <summary>Whether a frame offered now would be kept (lets the pipeline skip the work otherwise).</summary>
    public bool Wants => _keptAt == 0 || _time.GetElapsedTime(_keptAt) >= MinInterval;

    /// <summary>
    /// Keeps a blurred, downscaled copy of <paramref name="frame"/> if <see cref="MinInterval"/> has passed since the last one.
    /// <paramref name="blur"/> are all faces found (frame pixels), <paramref name="alerted"/> those to leave visible.
    /// </summary>
    public void Offer(RgbImage frame, DateTimeOffset capturedAt, RegionOfInterest roi, IEnumerable<BoxF> blur, IEnumerable<BoxF> alerted)
    {
        if (!Wants) return;
        var shown = alerted.ToList();
        var image = FrameThumbnail.Blurred(frame, _maxWidth, blur.Where(b => !shown.Contains(b)));
        PixelateOutside(image, roi, image.Width / (float)frame.Width, image.Height / (float)frame.Height);
        lock (_lock)
        {
            _image = image;
            _capturedUtc = capturedAt.UtcDateTime;
            _encoded = null;
            _keptAt = _time.GetTimestamp();
        }
    }

    /// <summary>The newest picture as JPEG (encoded now if not yet), or null when there is none.</summary>
    public LiveFrame? Latest()
    {
        lock (_lock)
        {
            if (_encoded is not null || _image is null) return _encoded;
            _encoded = new LiveFrame(JpegEncoder.Encode(_image), _capturedUtc, _image.Width, _image.Height);
            Encodes++;
            return _encoded;
        }
    }

    /// <summary>Forgets the picture (the camera stopped).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_image is not null) Array.Clear(_image.Pixels);
            _image = null;
            _encoded = null;
            _keptAt = 0;
        }
    }

    private static void PixelateOutside(RgbImage image, RegionOfInterest roi, float sx, float sy)
    {
        float left = roi.X * sx, top = roi.Y * sy, right = (roi.X + roi.Width) * sx, bottom = (roi.Y + roi.Height) * sy;
        // Half a pixel of slack: rounding of the downscale must not pixelate a sliver at the edge of a full-frame region.
        if (top >= 0.5f) FrameThumbnail.Pixelate(image, new BoxF(0, 0, image.Width, top), OutsideBlock);
        if (bottom <= image.Height - 0.5f) FrameThumbnail.Pixelate(image, BoxF.FromCorners(0, bottom, image.Width, image.Height), OutsideBlock);
        if (left >= 0.5f) FrameThumbnail.Pixelate(image, BoxF.FromCorners(0, top, left, bottom), OutsideBlock);
        if (right <= image.Width - 0.5f) FrameThumbnail.Pixelate(image, BoxF.FromCorners(right, top, image.Width, bottom), OutsideBlock);
    }
}
