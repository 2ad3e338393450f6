using OpenLfr.Core.Evaluation;
using OpenLfr.Core.Evaluation.Dataset;
using OpenLfr.Testing;

namespace OpenLfr.Core.Tests.Evaluation;

public class EvaluationDatasetTests
{
    [Fact]
    public void Identities_and_images_are_in_ordinal_order_and_only_images_count()
    {
        using var data = new TempDataset(
            ("bob", ["bob_10.jpg", "bob_2.jpg", "notes.txt", "Bob_1.PNG"]),
            ("Zed", ["z.jpeg"]),
            ("empty", ["readme.md"]),
            ("alice", ["a.jpg"]));

        var dataset = EvaluationDataset.Load(data.Root);

        Assert.Equal(["Zed", "alice", "bob"], dataset.Identities.Select(i => i.Name));
        Assert.Equal(["Bob_1.PNG", "bob_10.jpg", "bob_2.jpg"], dataset.Identities[2].Images.Select(i => i.FileName));
        Assert.Equal(5, dataset.ImageCount);
    }

    [Fact]
    public void Limit_cuts_after_the_nth_identity_with_two_images_keeping_singles_before_it()
    {
        using var data = new TempDataset(
            ("a", ["1.jpg", "2.jpg"]), ("b", ["1.jpg"]), ("c", ["1.jpg", "2.jpg", "3.jpg"]), ("d", ["1.jpg"]), ("e", ["1.jpg", "2.jpg"]));

        var dataset = EvaluationDataset.Load(data.Root, limitIdentities: 2);

        Assert.Equal(["a", "b", "c"], dataset.Identities.Select(i => i.Name));
    }

    [Fact]
    public void Missing_folder_is_a_clear_error_naming_it()
    {
        var error = Assert.Throws<EvaluationException>(() => EvaluationDataset.Load("/no/such/dataset"));
        Assert.Contains("/no/such/dataset", error.Message);
    }

    [Fact]
    public void Folder_without_identity_images_is_rejected()
    {
        using var data = new TempDataset(("a", ["x.txt"]));
        var error = Assert.Throws<EvaluationException>(() => EvaluationDataset.Load(data.Root));
        Assert.Contains("no identity folders", error.Message);
    }

    [RequiresSharedDataFact("datasets/lfw")]
    public void Lfw_splits_into_the_protocol_counts()
    {
        var plan = OpenLfr.Core.Evaluation.Protocol.SearchPlan.From(EvaluationDataset.Load(SharedData.PathOf("datasets/lfw")));

        Assert.Equal(1680, plan.Gallery.Count);
        Assert.Equal(7484, plan.MatedProbes.Count);
        Assert.Equal(4069, plan.ExtraNonMatedProbes.Count);
        Assert.Equal(11553, plan.NonMatedSearchesPlanned);
        Assert.Equal("Aaron_Peirsol_0001.jpg", plan.Gallery.Single(g => g.Identity == "Aaron_Peirsol").FileName);
    }
}
