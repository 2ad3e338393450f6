namespace OpenLfr.Vision.Simulation;

/// <summary>
/// A folder-per-identity face dataset (LFW's layout: <c>DIR/Name/Name_0001.jpg</c>). Listing is sorted
/// ordinally so that choices made with a seed are the same on every machine.
/// </summary>
public sealed class FaceDataset
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".webp"];

    private FaceDataset(string root, IReadOnlyList<(string Identity, IReadOnlyList<string> Images)> identities)
    {
        Root = root;
        Identities = identities;
    }

    public string Root { get; }

    /// <summary>Identities with at least one image, sorted by name; images sorted by file name.</summary>
    public IReadOnlyList<(string Identity, IReadOnlyList<string> Images)> Identities { get; }

    /// <summary>Throws <see cref="DirectoryNotFoundException"/> or <see cref="InvalidDataException"/> saying what the folder must contain.</summary>
    public static FaceDataset Open(string root)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Dataset folder {root} does not exist; give a folder with one sub-folder of face images per identity (e.g. LFW).");
        var identities = Directory.GetDirectories(Path.GetFullPath(root))
            .Order(StringComparer.Ordinal)
            .Select(d => (Identity: Path.GetFileName(d), Images: (IReadOnlyList<string>)Directory.GetFiles(d)
                .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).ToList()))
            .Where(i => i.Images.Count > 0)
            .ToList();
        if (identities.Count == 0)
            throw new InvalidDataException($"Dataset folder {root} has no identity sub-folders with images (.jpg/.png); expected DIR/<identity>/<image>.");
        return new FaceDataset(Path.GetFullPath(root), identities);
    }
}
