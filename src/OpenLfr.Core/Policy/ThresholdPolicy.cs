using Microsoft.Extensions.Options;
using OpenLfr.Core.Recognition;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Policy;

/// <summary>
/// The policy's false alert rate (<see cref="PolicyOptions.MaximumFalseAlertRate"/>, FPIR per face searched) turned
/// into thresholds of the server's embedder: the minimum a deployment may use is the threshold calibrated at that
/// rate; the default is the embedder's own default, raised to the minimum if the policy is stricter.
/// </summary>
public sealed class ThresholdPolicy(IOptions<PolicyOptions> policy, IOptions<RecognitionOptions> recognition)
{
    public EmbedderSpec Embedder => recognition.Value.Spec;

    public double MaximumFalseAlertRate => policy.Value.MaximumFalseAlertRate;

    public double Minimum => Round(Embedder.Calibration.ThresholdFor(MaximumFalseAlertRate));

    public double Default => Math.Max(Round(Embedder.DefaultThreshold), Minimum);

    public string Describe(double threshold) => ThresholdMeaning.Describe(Embedder, threshold);

    /// <summary>
    /// Calibrated thresholds are floats; their shortest decimal (0.9537f -> 0.9537, not 0.95370000600814819) is what
    /// people read and type, and converts back to the same float, so the expected FPIR at it is the calibrated one.
    /// </summary>
    private static double Round(float v) => (double)(decimal)v;
}
