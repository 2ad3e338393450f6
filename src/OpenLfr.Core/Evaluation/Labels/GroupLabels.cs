namespace OpenLfr.Core.Evaluation.Labels;

/// <summary>
/// Image file name -> demographic group, read from one or more labels files. Two formats:
/// a list of file names, one per line, whose group is the list file's stem without a trailing <c>_names</c>
/// (<c>female_names.txt</c> -> <c>female</c>, the lfw-sex layout); or CSV lines <c>file,group</c> (a header line
/// <c>file,group</c> is skipped). Entries are matched on file name alone (any folder part is dropped).
/// A file given two different groups is ambiguous and left unlabelled (see <see cref="Conflicting"/>).
/// </summary>
public sealed class GroupLabels
{
    private readonly Dictionary<string, string> _groups;

    private GroupLabels(Dictionary<string, string> groups, IReadOnlyList<string> conflicting)
    {
        _groups = groups;
        Conflicting = conflicting;
    }

    /// <summary>Groups in ordinal order.</summary>
    public IReadOnlyList<string> Groups => _groups.Values.Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>File names listed under more than one group, which are therefore left out.</summary>
    public IReadOnlyList<string> Conflicting { get; }

    public int Count => _groups.Count;

    public string? GroupOf(string fileName) => _groups.GetValueOrDefault(Path.GetFileName(fileName));

    public static GroupLabels Load(IEnumerable<string> labelFiles)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicting = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        foreach (var path in labelFiles)
        {
            any = true;
            foreach (var (file, group) in Read(path))
            {
                if (conflicting.Contains(file)) continue;
                if (groups.TryGetValue(file, out var existing) && existing != group)
                {
                    groups.Remove(file);
                    conflicting.Add(file);
                    continue;
                }
                groups[file] = group;
            }
        }
        if (!any) throw new ArgumentException("At least one labels file is needed.", nameof(labelFiles));
        return new GroupLabels(groups, conflicting.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Builds labels directly (tests, or labels from another source).</summary>
    public static GroupLabels FromPairs(IEnumerable<(string File, string Group)> pairs) =>
        new(pairs.ToDictionary(p => Path.GetFileName(p.File), p => p.Group, StringComparer.Ordinal), []);

    private static IEnumerable<(string File, string Group)> Read(string path)
    {
        if (!File.Exists(path))
            throw new EvaluationException($"Labels file '{path}' does not exist. Pass --labels with a list of file names (group = file stem) or a CSV of file,group.");
        var lines = File.ReadAllLines(path);
        var isCsv = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
                    || lines.FirstOrDefault(l => l.Trim().Length > 0)?.Contains(',') == true;
        var stem = Path.GetFileNameWithoutExtension(path);
        if (stem.EndsWith("_names", StringComparison.Ordinal) && stem.Length > "_names".Length) stem = stem[..^"_names".Length];

        var pairs = new List<(string, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!isCsv)
            {
                pairs.Add((Path.GetFileName(line), stem));
                continue;
            }
            var parts = line.Split(',');
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                throw new EvaluationException($"Labels file '{path}' line {i + 1}: expected 'file,group', got '{line}'.");
            if (i == 0 && parts[0].Trim().Equals("file", StringComparison.OrdinalIgnoreCase) && parts[1].Trim().Equals("group", StringComparison.OrdinalIgnoreCase))
                continue;
            pairs.Add((Path.GetFileName(parts[0].Trim()), parts[1].Trim()));
        }
        if (pairs.Count == 0)
            throw new EvaluationException($"Labels file '{path}' has no labels.");
        return pairs;
    }
}
