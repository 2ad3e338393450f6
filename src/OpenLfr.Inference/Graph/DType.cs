namespace OpenLfr.Inference.Graph;

/// <summary>Element type of a graph value. Every value is stored as float32; int32 and bool values only carry
/// shapes, indices and masks, which are exact in float32 below 2^24.</summary>
internal enum DType { Float32, Int32, Bool }
