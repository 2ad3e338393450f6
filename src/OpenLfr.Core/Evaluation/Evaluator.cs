using OpenLfr.Core.Evaluation.Demographics;
using OpenLfr.Core.Evaluation.GallerySize;
using OpenLfr.Core.Evaluation.Labels;
using OpenLfr.Core.Evaluation.Metrics;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Evaluation;

/// <summary>Turns the scores of one model (or fusion) into the protocol's figures.</summary>
public static class Evaluator
{
    public static EvaluationResult Evaluate(
        ScoreMatrix scores,
        string dataset,
        string model,
        GroupLabels? labels,
        int? limitIdentities = null,
        double seconds = 0,
        int resamples = GroupDifferentials.DefaultResamples)
    {
        var outcomes = SearchOutcomes.From(scores);
        var metrics = new IdentificationMetrics(outcomes);
        var points = EvaluationResult.TargetFpirs.Select(metrics.AtFpir).ToList();
        var operating = points.Single(p => p.TargetFpir == EvaluationResult.DefaultOperatingFpir);
        var groups = labels is null ? null : GroupDifferentials.Compute(outcomes, labels, operating.Threshold, resamples);
        return new EvaluationResult(
            dataset, model, limitIdentities,
            Gallery: outcomes.GalleryCount,
            Mated: outcomes.Mated.Count,
            NonMated: outcomes.NonMated.Count,
            FtdGallery: outcomes.FailedToEnrol,
            FtdProbes: outcomes.ProbesNotDetected,
            RankOne: metrics.RankOne,
            OperatingPoints: points,
            OperatingFpir: EvaluationResult.DefaultOperatingFpir,
            Groups: groups,
            Labels: labels,
            ConflictingLabels: labels?.Conflicting.Count ?? 0,
            Curve: metrics.DetCurve(),
            Outcomes: outcomes,
            Seconds: seconds,
            BySize: GallerySizeThresholds.Compute(GallerySizeRows.From(scores), EvaluationResult.TargetFpirs));
    }
}
