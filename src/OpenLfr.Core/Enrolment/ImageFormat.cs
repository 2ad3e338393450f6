namespace OpenLfr.Core.Enrolment;

/// <summary>Recognises the image formats enrolment accepts from their first bytes (not the file name).</summary>
public static class ImageFormat
{
    /// <returns>The MIME type, or null when the bytes are not a JPEG or PNG file.</returns>
    public static string? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return "image/jpeg";
        if (data.Length >= 8 && data[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        return null;
    }
}
