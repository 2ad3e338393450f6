using System.Runtime.InteropServices;

namespace OpenLfr.Vision.Imaging;

/// <summary>
/// JPEG decoding in-process through Debian's libjpeg-turbo (<c>libturbojpeg0</c>), measured about
/// 10x faster than an ffmpeg process per image on LFW. Optional: when the library is absent, or a file
/// is anything it will not decode cleanly (CMYK, damaged, truncated), callers fall back to ffmpeg.
/// </summary>
internal static partial class TurboJpeg
{
    private const string Library = "libturbojpeg.so.0";
    private const int PixelFormatRgb = 0;
    // TJFLAG_STOPONWARNING: a truncated file is a failure here, never a partly grey picture.
    private const int FlagStopOnWarning = 8192;

    private static readonly Lazy<bool> Loaded = new(() =>
        Environment.GetEnvironmentVariable("OPENLFR_NO_TURBOJPEG") is not { Length: > 0 }
        && NativeLibrary.TryLoad(Library, out _));

    [ThreadStatic] private static nint _handle;

    /// <summary>True when libturbojpeg could be loaded (and <c>$OPENLFR_NO_TURBOJPEG</c> is unset).</summary>
    public static bool IsAvailable => Loaded.Value;

    public static bool LooksLikeJpeg(ReadOnlySpan<byte> data) =>
        data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

    /// <summary>Decodes to rgb24, or returns null when libjpeg-turbo reports any problem.</summary>
    /// <exception cref="ImageDecodeException">The header declares more pixels than the limit.</exception>
    public static unsafe RgbImage? TryDecode(byte[] data, string name, ImageDecodeLimits limits)
    {
        if (!IsAvailable || !LooksLikeJpeg(data)) return null;
        if (_handle == 0) _handle = tjInitDecompress();
        if (_handle == 0) return null;
        fixed (byte* src = data)
        {
            int width, height, subsampling, colorspace;
            if (tjDecompressHeader3(_handle, src, (nuint)data.Length, &width, &height, &subsampling, &colorspace) != 0)
                return null;
            if ((long)width * height > limits.MaxPixels)
                throw new ImageDecodeException(name, $"image is {width}x{height} = {(long)width * height} pixels, over the limit of {limits.MaxPixels}.");
            var image = new RgbImage(width, height);
            fixed (byte* dst = image.Pixels)
            {
                if (tjDecompress2(_handle, src, (nuint)data.Length, dst, width, width * 3, height, PixelFormatRgb, FlagStopOnWarning) != 0)
                    return null;
            }
            return image;
        }
    }

    [LibraryImport(Library)]
    private static partial nint tjInitDecompress();

    [LibraryImport(Library)]
    private static unsafe partial int tjDecompressHeader3(nint handle, byte* jpegBuf, nuint jpegSize, int* width, int* height, int* subsampling, int* colorspace);

    [LibraryImport(Library)]
    private static unsafe partial int tjDecompress2(nint handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);
}
