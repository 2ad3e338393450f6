using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Tests.Imaging;

public sealed class ExifOrientationTests : IDisposable
{
    // The fallback path: what ImageDecoder does when libjpeg-turbo is absent or rejects a file.
    private static readonly ImageDecoder ThroughFfmpeg = new(null, allowTurboJpeg: false);

    private readonly TestImages _images = new();
    private readonly byte[] _plain;
    private readonly RgbImage _stored;

    public ExifOrientationTests()
    {
        // testsrc is asymmetric both ways (colour bars, a counter, a gradient), so every turn and flip shows.
        _plain = File.ReadAllBytes(_images.Make("plain.jpg", 64, 40));
        _stored = ImageDecoder.Default.Decode(_plain, "plain.jpg");
    }

    public void Dispose() => _images.Dispose();

    public static TheoryData<int, bool> Orientations()
    {
        var data = new TheoryData<int, bool>();
        for (var o = 1; o <= 8; o++) { data.Add(o, false); data.Add(o, true); }
        return data;
    }

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Decoded_pixels_are_turned_upright_as_the_tag_says(int orientation, bool throughFfmpeg)
    {
        // The two decoders round differently, so each is held to its own reading of the untagged file.
        var decoder = throughFfmpeg ? ThroughFfmpeg : ImageDecoder.Default;
        var stored = decoder.Decode(_plain, "plain.jpg");
        var decoded = decoder.Decode(ExifJpeg.WithOrientation(_plain, orientation), "tagged.jpg");
        AssertSame(Expected(stored, orientation), decoded);
    }

    [Fact]
    public void Big_endian_exif_is_read_too()
    {
        var decoded = ImageDecoder.Default.Decode(ExifJpeg.WithOrientation(_plain, 6, bigEndian: true), "mm.jpg");
        AssertSame(Expected(_stored, 6), decoded);
    }

    [Fact]
    public void Exif_after_an_xmp_app1_segment_is_still_found()
    {
        var xmp = ExifJpeg.App1("<x:xmpmeta/>"u8.ToArray(), header: "http://ns.adobe.com/xap/1.0/\0");
        var jpeg = ExifJpeg.InsertAfterStart(_plain, xmp, ExifJpeg.App1(ExifJpeg.Tiff(8)));
        AssertSame(Expected(_stored, 8), ImageDecoder.Default.Decode(jpeg, "xmp.jpg"));
    }

    public static TheoryData<string, byte[]> BrokenExif() => new()
    {
        { "header only", [] },
        { "three bytes of TIFF", [(byte)'I', (byte)'I', 42] },
        { "unknown byte order", [.. "XX"u8, .. ExifJpeg.Tiff(6)[2..]] },
        { "wrong TIFF magic", [.. ExifJpeg.Tiff(6)[..2], 43, 0, .. ExifJpeg.Tiff(6)[4..]] },
        { "IFD0 offset past the end", [.. ExifJpeg.Tiff(6)[..4], 0xF0, 0xFF, 0xFF, 0x7F, .. ExifJpeg.Tiff(6)[8..]] },
        { "entry count larger than the data", [.. ExifJpeg.Tiff(6)[..8], 0xFF, 0xFF, 0x10, 0x01, .. ExifJpeg.Tiff(6)[12..]] },
        { "entry cut short", ExifJpeg.Tiff(6)[..16] },
        { "orientation 0", ExifJpeg.Tiff(0) },
        { "orientation 9", ExifJpeg.Tiff(9) },
        { "orientation typed as ASCII", ExifJpeg.Tiff(6, type: 2) },
        { "orientation with count 2", ExifJpeg.Tiff(6, count: 2) },
    };

    [Theory]
    [MemberData(nameof(BrokenExif))]
    public void Malformed_exif_is_ignored_and_the_picture_decodes_as_stored(string what, byte[] payload)
    {
        var jpeg = ExifJpeg.InsertAfterStart(_plain, ExifJpeg.App1(payload));
        Assert.Equal(ExifOrientation.Normal, ExifOrientationReader.Read(jpeg));
        AssertSame(_stored, ImageDecoder.Default.Decode(jpeg, what));
    }

    [Fact]
    public void Reader_never_throws_on_cut_or_scrambled_metadata()
    {
        var tagged = ExifJpeg.WithOrientation(_plain, 6);
        Assert.Equal(ExifOrientation.Rotate90Clockwise, ExifOrientationReader.Read(tagged));
        for (var length = 0; length < 200; length++)
            ExifOrientationReader.Read(tagged.AsSpan(0, length));
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = tagged[..120];
            // Scramble a few bytes in the segment headers and the TIFF structure.
            for (var k = 0; k < 4; k++) bytes[random.Next(2, bytes.Length)] = (byte)random.Next(256);
            var orientation = ExifOrientationReader.Read(bytes);
            Assert.InRange((int)orientation, 1, 8);
        }
    }

    /// <summary>
    /// The tag's meaning spelt out from two primitives, independently of <see cref="ImageOrienter"/>:
    /// 2 mirror; 3 turn 180; 4 turn 180 and mirror; 5 turn 90 clockwise and mirror; 6 turn 90 clockwise;
    /// 7 turn 270 clockwise and mirror; 8 turn 270 clockwise.
    /// </summary>
    private static RgbImage Expected(RgbImage stored, int orientation)
    {
        var (turns, mirror) = orientation switch
        {
            1 => (0, false), 2 => (0, true), 3 => (2, false), 4 => (2, true),
            5 => (1, true), 6 => (1, false), 7 => (3, true), 8 => (3, false),
            _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
        };
        var image = stored;
        for (var t = 0; t < turns; t++) image = TurnClockwise(image);
        return mirror ? Mirror(image) : image;
    }

    private static RgbImage TurnClockwise(RgbImage s)
    {
        var d = new RgbImage(s.Height, s.Width);
        for (var y = 0; y < s.Height; y++)
            for (var x = 0; x < s.Width; x++)
                Copy(s, x, y, d, s.Height - 1 - y, x); // the left column becomes the top row
        return d;
    }

    private static RgbImage Mirror(RgbImage s)
    {
        var d = new RgbImage(s.Width, s.Height);
        for (var y = 0; y < s.Height; y++)
            for (var x = 0; x < s.Width; x++)
                Copy(s, x, y, d, s.Width - 1 - x, y);
        return d;
    }

    private static void Copy(RgbImage s, int sx, int sy, RgbImage d, int dx, int dy) =>
        s.Pixels.AsSpan((sy * s.Width + sx) * 3, 3).CopyTo(d.Pixels.AsSpan((dy * d.Width + dx) * 3, 3));

    private static void AssertSame(RgbImage expected, RgbImage actual)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        Assert.True(expected.Pixels.AsSpan().SequenceEqual(actual.Pixels), "pixels differ");
    }
}
