using System.Globalization;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Server.OperatorConsole.Deployments;

/// <summary>
/// The live embedder's calibrated threshold as the deployment forms offer it: a similarity means nothing without
/// its embedder, so the form names the embedder and the false alert rate the threshold was measured at.
/// </summary>
public sealed record LiveThreshold(string Embedder, double Threshold, string Source)
{
    public static LiveThreshold Of(string embedder)
    {
        var spec = EmbedderSpec.Get(embedder);
        // Four decimals (the form's step); rounding up keeps the measured false alert rate or better.
        // Through decimal: the float 0.9537f is 0.95370000600... as a double and would round up to 0.9538.
        return new(spec.Id, (double)(Math.Ceiling((decimal)spec.DefaultThreshold * 10_000m) / 10_000m), spec.Calibration.Source);
    }

    public string Text => Threshold.ToString("0.0000", CultureInfo.InvariantCulture);
}
