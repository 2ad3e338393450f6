using OpenLfr.Core.Evaluation.Dataset;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Tests.Evaluation;

public class SearchOutcomesTests
{
    // Gallery: a1, b1, c1 (c1 has no face -> c fails to enrol). Mated: a2, a3 (no face), b2, c2. Extra: d1, e1 (no face).
    private static (SearchPlan Plan, float[]?[] Rows) Example(TempDataset data)
    {
        var plan = SearchPlan.From(EvaluationDataset.Load(data.Root));
        float[]?[] rows =
        [
            [0.9f, 0.3f, 0.99f], // a2: own 0.9, impostor top 0.3 (c's 0.99 is ignored: c is not enrolled)
            null,                // a3: no face
            [0.7f, 0.6f, 0.1f],  // b2: own 0.6 below impostor a 0.7
            [0.2f, 0.4f, 0.8f],  // c2: c not enrolled; top over the gallery 0.4
            [0.5f, 0.55f, 0f],   // d1: top 0.55
            null,                // e1: no face
        ];
        return (plan, rows);
    }

    private static TempDataset Data() => new(
        ("a", ["a1.jpg", "a2.jpg", "a3.jpg"]), ("b", ["b1.jpg", "b2.jpg"]), ("c", ["c1.jpg", "c2.jpg"]), ("d", ["d1.jpg"]), ("e", ["e1.jpg"]));

    [Fact]
    public void Failures_to_detect_and_enrol_are_misses_and_probe_failures_leave_the_non_mated_set()
    {
        using var data = Data();
        var (plan, rows) = Example(data);

        var outcomes = SearchOutcomes.From(new ScoreMatrix(plan, [true, true, false], rows));

        Assert.Equal(3, outcomes.GalleryCount);
        Assert.Equal(1, outcomes.FailedToEnrol);
        Assert.Equal(2, outcomes.ProbesNotDetected);
        Assert.Equal(
            [("a2.jpg", MatedSearchStatus.Searched, (double?)0.9f, (double?)0.3f), ("a3.jpg", MatedSearchStatus.ProbeNotDetected, null, null),
             ("b2.jpg", MatedSearchStatus.Searched, 0.6f, 0.7f), ("c2.jpg", MatedSearchStatus.NotEnrolled, null, 0.4f)],
            outcomes.Mated.Select(m => (m.FileName, m.Status, m.MatedScore, m.ImpostorTop)));
        Assert.Equal([true, false, false, false], outcomes.Mated.Select(m => m.IsRankOne));
        // Non-mated: leave-one-out tops of a2, b2, c2 (c2's is over the whole enrolled gallery), then d1; e1 is out.
        Assert.Equal([("a2.jpg", 0.3f, true), ("b2.jpg", 0.7f, true), ("c2.jpg", 0.4f, true), ("d1.jpg", 0.55f, false)],
            outcomes.NonMated.Select(n => (n.FileName, (float)n.Score, n.FromMatedProbe)));
    }

    [Fact]
    public void Nothing_enrolled_is_an_error()
    {
        using var data = Data();
        var (plan, rows) = Example(data);
        Assert.Throws<OpenLfr.Core.Evaluation.EvaluationException>(() => SearchOutcomes.From(new ScoreMatrix(plan, [false, false, false], rows)));
    }

    [Fact]
    public void Cosine_scorer_normalises_embeddings_and_treats_missing_faces_as_failures()
    {
        using var data = new TempDataset(("a", ["a1.jpg", "a2.jpg"]), ("b", ["b1.jpg", "b2.jpg"]), ("c", ["c1.jpg"]));
        var plan = SearchPlan.From(EvaluationDataset.Load(data.Root));
        var embeddings = plan.AllImages.ToDictionary(i => i, i => i.FileName switch
        {
            "a1.jpg" => new float[] { 2, 0, 0 },
            "b1.jpg" => new float[] { 0, 0, 5 },
            "a2.jpg" => new float[] { 3, 4, 0 },  // cos with a1 = 0.6, with b1 = 0
            "b2.jpg" => null,                      // no face
            "c1.jpg" => new float[] { 0, 1, 1 },   // cos with a1 = 0, with b1 = 0.7071
            _ => throw new InvalidOperationException(),
        });

        var matrix = CosineScorer.Score(plan, embeddings);

        Assert.Equal([true, true], matrix.Enrolled);
        Assert.Equal(0.6f, matrix.Rows[0]![0], 5);
        Assert.Equal(0f, matrix.Rows[0]![1], 5);
        Assert.Null(matrix.Rows[1]);
        Assert.Equal(0f, matrix.Rows[2]![0], 5);
        Assert.Equal(MathF.Sqrt(0.5f), matrix.Rows[2]![1], 5);
    }
}
