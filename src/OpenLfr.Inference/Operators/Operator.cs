using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.Operators;

/// <summary>
/// One executable graph op. Created once per plan (weights packed, attributes parsed); <see cref="Run"/> reads
/// input values and sets its outputs with buffers from the context, so a steady-state run allocates no arrays.
/// Problems throw <see cref="InvalidOperationException"/>; the executor adds the model, node and op to the message.
/// </summary>
internal abstract class Operator
{
    /// <summary>Number of outputs the op produces (Unpack has several).</summary>
    public virtual int OutputCount => 1;

    public abstract void Run(ExecutionContext context, ReadOnlySpan<Value> inputs, Span<Value> outputs);

    /// <summary>Multiply-accumulates of one run for this input (0 for ops that are not conv/matmul); for GMAC/s figures.</summary>
    public virtual long CountMacs(ReadOnlySpan<Value> inputs) => 0;

    protected static InvalidOperationException Fail(string message) => new(message);
}
