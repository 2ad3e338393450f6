namespace OpenLfr.Inference.Graph;

/// <summary>A decoded weight from a TF.js weights manifest.</summary>
internal sealed record WeightEntry(string Name, int[] Shape, DType Type, float[] Data);
