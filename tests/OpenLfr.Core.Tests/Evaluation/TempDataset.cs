namespace OpenLfr.Core.Tests.Evaluation;

/// <summary>A throw-away folder-per-identity tree of empty image files (layout tests never decode them).</summary>
internal sealed class TempDataset : IDisposable
{
    public TempDataset(params (string Identity, string[] Files)[] identities)
    {
        Root = Path.Combine(Path.GetTempPath(), "openlfr-eval-" + Guid.NewGuid().ToString("N"));
        foreach (var (identity, files) in identities)
        {
            Directory.CreateDirectory(Path.Combine(Root, identity));
            foreach (var f in files) File.WriteAllBytes(Path.Combine(Root, identity, f), []);
        }
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
