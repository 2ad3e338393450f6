namespace OpenLfr.Inference.Kernels;

/// <summary>What a portable convolution adds to one output pixel for one filter tap (see <see cref="ScalarConvolution"/>).</summary>
internal interface IScalarTap
{
    /// <param name="pixel">The input pixel under the tap, all input channels.</param>
    /// <param name="tap">The tap's index in the filter window: ky * KernelW + kx.</param>
    /// <param name="acc">The output pixel's accumulators, all output channels.</param>
    void Accumulate(ReadOnlySpan<float> pixel, int tap, Span<float> acc);
}
