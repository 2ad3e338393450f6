namespace OpenLfr.Inference.Kernels;

/// <summary>Buffer size checks shared by the kernels, with messages that say which buffer is wrong.</summary>
internal static class KernelChecks
{
    public static void Sizes(string op, int inputLength, int batch, int inH, int inW, int inC,
        int outputLength, int outH, int outW, int outC, int workspaceLength, int workspaceNeeded)
    {
        if (batch <= 0) throw new ArgumentException($"{op}: batch must be positive, got {batch}.");
        long inNeeded = (long)batch * inH * inW * inC;
        if (inputLength < inNeeded)
            throw new ArgumentException($"{op}: input has {inputLength} floats; [{batch},{inH},{inW},{inC}] needs {inNeeded}.");
        long outNeeded = (long)batch * outH * outW * outC;
        if (outputLength < outNeeded)
            throw new ArgumentException($"{op}: output has {outputLength} floats; [{batch},{outH},{outW},{outC}] needs {outNeeded}.");
        if (workspaceLength < workspaceNeeded)
            throw new ArgumentException($"{op}: workspace has {workspaceLength} floats; {workspaceNeeded} are needed.");
    }
}
