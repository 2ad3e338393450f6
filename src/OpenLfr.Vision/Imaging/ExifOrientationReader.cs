using System.Buffers.Binary;

namespace OpenLfr.Vision.Imaging;

/// <summary>
/// Finds the Orientation tag in a JPEG's APP1 Exif segment: a walk over the JPEG marker segments up to
/// the image data, then the TIFF header and the first IFD (IFD0), which is where the tag lives.
/// Metadata only, not a codec. Every offset and length is checked against the data; anything missing,
/// malformed or out of range reads as <see cref="ExifOrientation.Normal"/>, because a bad tag must never
/// stop a photo from being decoded. Thread-safe (no state).
/// </summary>
internal static class ExifOrientationReader
{
    private static ReadOnlySpan<byte> ExifHeader => "Exif\0\0"u8;
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;
    private const byte App1 = 0xE1;

    public static ExifOrientation Read(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return ExifOrientation.Normal;
        var pos = 2;
        while (pos + 4 <= jpeg.Length)
        {
            if (jpeg[pos] != 0xFF) return ExifOrientation.Normal;
            var marker = jpeg[pos + 1];
            if (marker == 0xFF) { pos++; continue; } // fill byte before a marker
            if (marker is StartOfScan or EndOfImage) break; // metadata comes before the image data
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { pos += 2; continue; } // markers without a length
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.Slice(pos + 2, 2)); // counts itself, not the marker
            if (length < 2 || pos + 2 + length > jpeg.Length) return ExifOrientation.Normal;
            var payload = jpeg.Slice(pos + 4, length - 2);
            // APP1 also carries XMP; only the segment that starts with the Exif header is ours.
            if (marker == App1 && payload.StartsWith(ExifHeader))
                return ReadTiff(payload[ExifHeader.Length..]);
            pos += 2 + length;
        }
        return ExifOrientation.Normal;
    }

    private const ushort OrientationTag = 0x0112;
    private const ushort TypeShort = 3;
    private const int IfdEntrySize = 12;

    /// <summary>Reads IFD0 of a TIFF structure ("II" little-endian or "MM" big-endian).</summary>
    private static ExifOrientation ReadTiff(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return ExifOrientation.Normal;
        bool little;
        if (tiff[0] == 'I' && tiff[1] == 'I') little = true;
        else if (tiff[0] == 'M' && tiff[1] == 'M') little = false;
        else return ExifOrientation.Normal;

        if (U16(tiff, 2, little) != 42) return ExifOrientation.Normal;
        var ifd = U32(tiff, 4, little); // offsets are from the start of the TIFF header
        if (ifd > (uint)tiff.Length - 2) return ExifOrientation.Normal;
        var count = U16(tiff, (int)ifd, little);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + i * IfdEntrySize;
            if (entry + IfdEntrySize > tiff.Length) break; // entry count claims more than is there
            if (U16(tiff, entry, little) != OrientationTag) continue;
            // A SHORT with count 1 sits left-justified in the 4-byte value field.
            if (U16(tiff, entry + 2, little) != TypeShort || U32(tiff, entry + 4, little) != 1) return ExifOrientation.Normal;
            var value = U16(tiff, entry + 8, little);
            return value is >= 1 and <= 8 ? (ExifOrientation)value : ExifOrientation.Normal;
        }
        return ExifOrientation.Normal;
    }

    private static ushort U16(ReadOnlySpan<byte> tiff, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.Slice(at, 2)) : BinaryPrimitives.ReadUInt16BigEndian(tiff.Slice(at, 2));

    private static uint U32(ReadOnlySpan<byte> tiff, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.Slice(at, 4)) : BinaryPrimitives.ReadUInt32BigEndian(tiff.Slice(at, 4));
}
