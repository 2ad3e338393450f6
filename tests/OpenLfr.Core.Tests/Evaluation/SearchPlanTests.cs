using OpenLfr.Core.Evaluation;
using OpenLfr.Core.Evaluation.Dataset;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Tests.Evaluation;

public class SearchPlanTests
{
    [Fact]
    public void First_image_is_gallery_others_are_mated_and_single_image_identities_are_extra_non_mated()
    {
        using var data = new TempDataset(("a", ["a2.jpg", "a1.jpg", "a3.jpg"]), ("b", ["b1.jpg"]), ("c", ["c1.jpg", "c2.jpg"]));

        var plan = SearchPlan.From(EvaluationDataset.Load(data.Root));

        Assert.Equal(["a1.jpg", "c1.jpg"], plan.Gallery.Select(i => i.FileName));
        Assert.Equal(["a2.jpg", "a3.jpg", "c2.jpg"], plan.MatedProbes.Select(i => i.FileName));
        Assert.Equal(["b1.jpg"], plan.ExtraNonMatedProbes.Select(i => i.FileName));
        Assert.Equal(4, plan.NonMatedSearchesPlanned);
    }

    [Fact]
    public void Dataset_of_single_image_identities_has_no_gallery()
    {
        using var data = new TempDataset(("a", ["a1.jpg"]), ("b", ["b1.jpg"]));
        Assert.Throws<EvaluationException>(() => SearchPlan.From(EvaluationDataset.Load(data.Root)));
    }
}
