namespace OpenLfr.Core.Evaluation.Dataset;

/// <summary>
/// A folder-per-identity dataset (<c>ROOT/&lt;identity&gt;/&lt;image&gt;</c>), identities and images in ordinal
/// file-name order so that every run, on every machine, splits it the same way.
/// </summary>
public sealed class EvaluationDataset
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    private EvaluationDataset(string root, IReadOnlyList<DatasetIdentity> identities)
    {
        Root = root;
        Identities = identities;
    }

    public string Root { get; }

    /// <summary>Identities with at least one image, ordinal by folder name.</summary>
    public IReadOnlyList<DatasetIdentity> Identities { get; }

    public int ImageCount => Identities.Sum(i => i.Images.Count);

    /// <summary>
    /// Reads the dataset's layout (not the images). With <paramref name="limitIdentities"/> = N the dataset is cut,
    /// in ordinal order, just after its N-th identity with at least two images: the result keeps N gallery identities
    /// and the single-image identities among them, so a subset has the same make-up as the whole.
    /// </summary>
    public static EvaluationDataset Load(string root, int? limitIdentities = null)
    {
        if (!Directory.Exists(root))
            throw new EvaluationException($"Dataset folder '{root}' does not exist. Pass --dataset with a folder holding one sub-folder per identity.");
        if (limitIdentities is <= 0)
            throw new EvaluationException($"--limit-identities must be at least 1 (got {limitIdentities}).");

        var identities = new List<DatasetIdentity>();
        var galleryIdentities = 0;
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var images = Directory.GetFiles(folder)
                .Where(IsImage)
                .Order(StringComparer.Ordinal)
                .Select(p => new DatasetImage(Path.GetFileName(folder), p))
                .ToList();
            if (images.Count == 0) continue;
            identities.Add(new DatasetIdentity(Path.GetFileName(folder), images));
            if (images.Count >= 2 && ++galleryIdentities == limitIdentities) break;
        }
        if (identities.Count == 0)
            throw new EvaluationException($"Dataset folder '{root}' has no identity folders with JPEG or PNG images; expected ROOT/<identity>/<image>.");
        return new EvaluationDataset(Path.GetFullPath(root), identities);
    }

    private static bool IsImage(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
