namespace OpenLfr.Inference.Operators;

/// <summary>Output size and leading padding of a sliding window under TensorFlow SAME or VALID padding.</summary>
internal static class WindowPadding
{
    public static (int Out, int PadBefore) Resolve(int input, int kernel, int stride, bool same, int dilation = 1)
    {
        var effective = (kernel - 1) * dilation + 1;
        if (same)
        {
            var output = (input + stride - 1) / stride;
            var total = Math.Max((output - 1) * stride + effective - input, 0);
            return (output, total / 2);
        }
        if (input < effective) throw new InvalidOperationException($"a {kernel}-wide window does not fit an input of {input} with VALID padding.");
        return ((input - effective) / stride + 1, 0);
    }
}
