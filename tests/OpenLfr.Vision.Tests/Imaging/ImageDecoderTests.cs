using OpenLfr.Testing;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Tests.Imaging;

public sealed class ImageDecoderTests : IDisposable
{
    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    [Theory]
    [InlineData("a.jpg", null)]
    [InlineData("a.png", null)]
    [InlineData("a.bmp", null)]
    [InlineData("a.webp", null)]
    [InlineData("gray.png", "gray")]
    [InlineData("alpha.png", "rgba")]
    public void Decodes_common_formats_to_rgb_with_their_size(string name, string? pixelFormat)
    {
        var path = _images.Make(name, 64, 48, pixelFormat);
        var image = ImageDecoder.Default.Decode(path);
        Assert.Equal(64, image.Width);
        Assert.Equal(48, image.Height);
        Assert.Equal(64 * 48 * 3, image.Pixels.Length);
        // testsrc is colourful except in grayscale files; either way it is not blank.
        Assert.True(image.Pixels.Distinct().Count() > 10);
        if (pixelFormat == "gray")
        {
            for (var i = 0; i < image.Pixels.Length; i += 3)
                Assert.True(image.Pixels[i] == image.Pixels[i + 1] && image.Pixels[i] == image.Pixels[i + 2]);
        }
    }

    [Fact]
    public void Jpeg_decodes_the_same_in_process_and_through_ffmpeg()
    {
        var path = _images.Make("same.jpg", 80, 60);
        var data = File.ReadAllBytes(path);
        var viaFfmpeg = FfmpegImageDecoder.Decode(data, path, ImageDecodeLimits.Default, applyDisplayRotation: false);
        var viaDecoder = ImageDecoder.Default.Decode(path);
        Assert.Equal(viaFfmpeg.Width, viaDecoder.Width);
        // Both are libjpeg-turbo underneath or ffmpeg's own IDCT: allow small rounding differences.
        var maxDiff = viaFfmpeg.Pixels.Zip(viaDecoder.Pixels, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDiff <= 8, $"max pixel difference {maxDiff}");
    }

    [Fact]
    public void Empty_file_is_rejected_naming_the_file()
    {
        var path = _images.Write("empty.jpg", []);
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Default.Decode(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Text_file_is_not_an_image()
    {
        var path = _images.Write("notes.jpg", "this is not a picture\n"u8.ToArray());
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Default.Decode(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not a decodable image", e.Message);
    }

    [Theory]
    [InlineData("cut.jpg")]
    [InlineData("cut.png")]
    public void Truncated_file_is_rejected(string name)
    {
        var whole = File.ReadAllBytes(_images.Make("whole" + Path.GetExtension(name), 120, 90));
        var path = _images.Write(name, whole[..(whole.Length * 2 / 3)]);
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Default.Decode(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Corrupt_jpeg_body_is_rejected()
    {
        var bytes = File.ReadAllBytes(_images.Make("ok.jpg", 120, 90));
        // Keep the headers, overwrite the entropy-coded data with markers that cannot occur there.
        for (var i = bytes.Length / 2; i < bytes.Length - 2; i += 7) { bytes[i] = 0xFF; bytes[i + 1] = 0xD9; }
        var path = _images.Write("corrupt.jpg", bytes);
        Assert.Throws<ImageDecodeException>(() => ImageDecoder.Default.Decode(path));
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var path = Path.Combine(_images.Directory, "nope.jpg");
        var e = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Default.Decode(path));
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Files_over_the_byte_limit_are_rejected_before_decoding()
    {
        var path = _images.Make("big.png", 64, 48);
        var decoder = new ImageDecoder(new ImageDecodeLimits { MaxBytes = 100 });
        var e = Assert.Throws<ImageDecodeException>(() => decoder.Decode(path));
        Assert.Contains("over the limit of 100", e.Message);
    }

    [Theory]
    [InlineData("many.jpg")]
    [InlineData("many.png")]
    public void Images_over_the_pixel_limit_are_rejected(string name)
    {
        var path = _images.Make(name, 64, 48);
        var decoder = new ImageDecoder(new ImageDecodeLimits { MaxPixels = 1000 });
        var e = Assert.Throws<ImageDecodeException>(() => decoder.Decode(path));
        Assert.Contains("64x48", e.Message);
    }

    [RequiresSharedDataFact("datasets/lfw")]
    public void Decodes_lfw_grayscale_jpegs_at_250_square()
    {
        var files = Directory.EnumerateFiles(SharedData.PathOf("datasets/lfw"), "*.jpg", SearchOption.AllDirectories).Take(20).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var image = ImageDecoder.Default.Decode(file);
            Assert.Equal((250, 250), (image.Width, image.Height));
            // This copy of LFW is single-channel JPEG: grey comes out as R = G = B.
            for (var i = 0; i < image.Pixels.Length; i += 3)
                Assert.True(image.Pixels[i] == image.Pixels[i + 1] && image.Pixels[i] == image.Pixels[i + 2]);
        }
    }
}
