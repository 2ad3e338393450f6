namespace OpenLfr.Testing;

/// <summary>
/// Locates the real data beside the project root (<c>../shared</c>: datasets, videos, docs), or
/// <c>$OPENLFR_SHARED</c>. Tests read it in place; it is never copied into the repository.
/// </summary>
public static class SharedData
{
    /// <summary>The repository root (the folder holding OpenLfr.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared data folder, whether or not it exists.</summary>
    public static string Root { get; } =
        Environment.GetEnvironmentVariable("OPENLFR_SHARED") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Full path of a shared item, e.g. <c>datasets/lfw</c>.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static bool Exists(string relative) => File.Exists(PathOf(relative)) || Directory.Exists(PathOf(relative));

    /// <summary>True when running under CI, where missing prerequisites are failures, not skips.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenLfr.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Cannot find the repository root (OpenLfr.slnx) above {AppContext.BaseDirectory}.");
    }
}
