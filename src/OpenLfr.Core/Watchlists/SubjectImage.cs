namespace OpenLfr.Core.Watchlists;

/// <summary>
/// An accepted reference image of a subject and its face template, both AES-GCM encrypted. Rejected
/// uploads are never stored. Retention nulls the blobs and sets <see cref="DestroyedAtUtc"/>.
/// </summary>
public sealed class SubjectImage
{
    public Guid Id { get; set; }
    public Guid SubjectId { get; set; }
    /// <summary>The legal basis on which the force holds this image (e.g. PACE custody image).</summary>
    public string LegalBasis { get; set; } = "";
    /// <summary>Where it came from (e.g. custody system reference).</summary>
    public string Source { get; set; } = "";
    public DateOnly DateTaken { get; set; }
    public string ContentType { get; set; } = "";
    public double Quality { get; set; }
    public string EmbedderId { get; set; } = "";
    public string EmbedderVersion { get; set; } = "";
    public byte[]? EncryptedImage { get; set; }
    public byte[]? EncryptedTemplate { get; set; }
    public Guid? EnrolledById { get; set; }
    public string EnrolledByName { get; set; } = "";
    public DateTime EnrolledAtUtc { get; set; }
    public DateTime? DestroyedAtUtc { get; set; }
    public Subject? Subject { get; set; }

    public static string ImageAad(Guid id) => $"subject-image:{id:D}";
    public static string TemplateAad(Guid id) => $"subject-template:{id:D}";
}
