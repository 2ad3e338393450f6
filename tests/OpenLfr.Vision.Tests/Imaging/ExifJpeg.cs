using System.Buffers.Binary;

namespace OpenLfr.Vision.Tests.Imaging;

/// <summary>Builds APP1 Exif segments byte by byte and splices them into JPEG files, as a phone would write them.</summary>
internal static class ExifJpeg
{
    /// <summary>A TIFF structure whose IFD0 holds one entry: Orientation (0x0112), SHORT, count 1.</summary>
    public static byte[] Tiff(ushort orientation, bool bigEndian = false, ushort type = 3, uint count = 1)
    {
        var tiff = new byte[8 + 2 + 12 + 4];
        void U16(int at, ushort v) { if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), v); else BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), v); }
        void U32(int at, uint v) { if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), v); else BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), v); }
        tiff[0] = tiff[1] = (byte)(bigEndian ? 'M' : 'I');
        U16(2, 42);
        U32(4, 8); // IFD0 right after the header
        U16(8, 1); // one entry
        U16(10, 0x0112);
        U16(12, type);
        U32(14, count);
        U16(18, orientation);
        U32(22, 0); // no next IFD
        return tiff;
    }

    /// <summary>An APP1 segment: marker, length, then <paramref name="payload"/> after the "Exif\0\0" header.</summary>
    public static byte[] App1(byte[] payload, string header = "Exif\0\0")
    {
        var body = System.Text.Encoding.ASCII.GetBytes(header).Concat(payload).ToArray();
        var segment = new byte[4 + body.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(body.Length + 2));
        body.CopyTo(segment, 4);
        return segment;
    }

    public static byte[] WithOrientation(byte[] jpeg, int orientation, bool bigEndian = false) =>
        InsertAfterStart(jpeg, App1(Tiff((ushort)orientation, bigEndian)));

    /// <summary>Puts segments right after the SOI marker, where cameras write APP1.</summary>
    public static byte[] InsertAfterStart(byte[] jpeg, params byte[][] segments) =>
        jpeg[..2].Concat(segments.SelectMany(s => s)).Concat(jpeg[2..]).ToArray();
}
