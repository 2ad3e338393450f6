using OpenLfr.Core.Evaluation;
using OpenLfr.Core.Evaluation.Labels;

namespace OpenLfr.Core.Tests.Evaluation;

public sealed class GroupLabelsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openlfr-labels-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Name_lists_take_their_group_from_the_file_stem_and_conflicts_are_left_out()
    {
        var labels = GroupLabels.Load([
            Write("female_names.txt", "Ann_0001.jpg", "Both_0001.jpg", "", "Ann_0001.jpg"),
            Write("male_names.txt", "Bob_0001.jpg", "Both_0001.jpg")]);

        Assert.Equal("female", labels.GroupOf("Ann_0001.jpg"));
        Assert.Equal("male", labels.GroupOf("/data/Bob/Bob_0001.jpg"));
        Assert.Null(labels.GroupOf("Both_0001.jpg"));
        Assert.Equal(["Both_0001.jpg"], labels.Conflicting);
        Assert.Equal(["female", "male"], labels.Groups);
    }

    [Fact]
    public void Csv_maps_file_to_group_and_skips_its_header()
    {
        var labels = GroupLabels.Load([Write("groups.csv", "file,group", "x/Ann_0001.jpg,g1", "Bob_0001.jpg, g2")]);

        Assert.Equal("g1", labels.GroupOf("Ann_0001.jpg"));
        Assert.Equal("g2", labels.GroupOf("Bob_0001.jpg"));
        Assert.Equal(2, labels.Count);
    }

    [Fact]
    public void Malformed_csv_line_names_file_and_line()
    {
        var path = Write("bad.csv", "a.jpg,g", "b.jpg,g,extra");
        var error = Assert.Throws<EvaluationException>(() => GroupLabels.Load([path]));
        Assert.Contains("bad.csv' line 2", error.Message);
    }

    [Fact]
    public void Missing_labels_file_is_a_clear_error()
    {
        var error = Assert.Throws<EvaluationException>(() => GroupLabels.Load([Path.Combine(_dir, "nope.txt")]));
        Assert.Contains("nope.txt", error.Message);
    }
}
