using OpenLfr.Core.Evaluation.Demographics;
using OpenLfr.Core.Evaluation.GallerySize;
using OpenLfr.Core.Evaluation.Labels;
using OpenLfr.Core.Evaluation.Metrics;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Evaluation;

/// <summary>Everything one evaluation measured; the JSON, CSV and HTML reports are views of it.</summary>
public sealed record EvaluationResult(
    string Dataset,
    string Model,
    int? LimitIdentities,
    int Gallery,
    int Mated,
    int NonMated,
    int FtdGallery,
    int FtdProbes,
    double RankOne,
    IReadOnlyList<OperatingPoint> OperatingPoints,
    double OperatingFpir,
    GroupDifferentials? Groups,
    GroupLabels? Labels,
    int ConflictingLabels,
    IReadOnlyList<CurvePoint> Curve,
    SearchOutcomes Outcomes,
    double Seconds,
    GallerySizeThresholds? BySize = null)
{
    /// <summary>The FPIR targets reported, highest first; the operating threshold is the one for 0.001.</summary>
    public static readonly double[] TargetFpirs = [0.01, 0.001, 0.0001];

    public const double DefaultOperatingFpir = 0.001;

    /// <summary>The group of an image file name, or null without labels or when it is unlabelled.</summary>
    public string? GroupOfFile(string fileName) => Labels?.GroupOf(fileName);

    public OperatingPoint Operating => OperatingPoints.Single(p => p.TargetFpir == OperatingFpir);
}
