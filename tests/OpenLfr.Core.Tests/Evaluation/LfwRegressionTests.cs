using OpenLfr.Core.Evaluation;
using OpenLfr.Core.Evaluation.Embedding;
using OpenLfr.Testing;

namespace OpenLfr.Core.Tests.Evaluation;

/// <summary>
/// Guards the default model's accuracy: the real pipeline (decode, detect, landmarks, align, embed; no cache, no
/// stored scores) on a fixed LFW subset, the first <see cref="Identities"/> gallery identities in ordinal order.
/// The floors are today's figures (docs/accuracy.md) minus a margin for harmless numeric drift; a change that
/// costs more than that fails here.
/// </summary>
[Collection(RealTimeTestCollection.Name)]
public sealed class LfwRegressionTests
{
    private const int Identities = 300;

    // Measured with the default model (faceapi) on this subset on 2026-11-22 (docs/accuracy.md, "CI regression subset").
    private const double RankOneToday = 0.9496;
    private const double FnirAtFpir001Today = 0.2502;
    private const double Margin = 0.02;

    [RequiresLfwAndModelsFact("faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition")]
    public void Default_model_keeps_its_rank_one_and_fnir_at_fpir_0_01_on_the_lfw_subset()
    {
        var result = EvaluationRun.Execute(SharedData.PathOf("datasets/lfw"), PipelineEmbedders.DefaultModel, [], Identities,
            PipelineEmbedders.Create, cacheDirectory: null, progress: null, CancellationToken.None);

        Assert.Equal(Identities, result.Gallery);
        Assert.Equal(1111, result.Mated);
        Assert.True(result.RankOne >= RankOneToday - Margin, $"rank-1 fell to {result.RankOne:F4} (today {RankOneToday:F4})");
        var fnir = result.OperatingPoints.Single(p => p.TargetFpir == 0.01).Fnir;
        Assert.True(fnir <= FnirAtFpir001Today + Margin, $"FNIR at FPIR 0.01 rose to {fnir:F4} (today {FnirAtFpir001Today:F4})");
    }
}
