using OpenLfr.Inference.Kernels;
using OpenLfr.Inference.Operators;
using ExecutionContext = OpenLfr.Inference.Operators.ExecutionContext;

namespace OpenLfr.Inference.Graph;

/// <summary>
/// A compiled list of steps for one set of requested outputs. Each value lives in a slot; a slot's buffer goes
/// back to the pool right after its last reader (the memory plan), so buffers are reused within a run and,
/// once a given input shape has been seen, a run allocates only the returned tensors. Not thread-safe.
/// </summary>
internal sealed class ExecutionPlan
{
    public sealed record Input(string Name, int Slot, int[]? Dims, DType Type);

    public sealed class Step(Operator op, int[] inputs, int[] outputs, string description)
    {
        public Operator Op { get; } = op;
        public int[] Inputs { get; } = inputs;
        public int[] Outputs { get; } = outputs;
        public string Description { get; } = description;
        public int[] ReleaseAfter { get; set; } = [];
        public Value[] InputScratch { get; } = new Value[inputs.Length];
        public Value[] OutputScratch { get; } = new Value[outputs.Length];
    }

    private readonly string _modelPath;
    private readonly List<Step> _steps;
    private readonly Value[] _slots;
    private readonly List<(int Slot, Value Value)> _constants;
    private readonly List<Input> _inputs;
    private readonly List<(string Name, int Slot)> _outputs;
    private readonly ExecutionContext _context;

    public ExecutionPlan(string modelPath, List<Step> steps, int slotCount, List<(int, Value)> constants, List<Input> inputs,
        List<(string, int)> outputs, Parallelism parallelism)
    {
        _modelPath = modelPath;
        _steps = steps;
        _slots = new Value[slotCount];
        _constants = constants;
        _inputs = inputs;
        _outputs = outputs;
        _context = new ExecutionContext(parallelism);
        PlanReleases(slotCount);
    }

    /// <summary>When set, each run adds every step's wall time to <see cref="StepMilliseconds"/> (for finding slow ops).</summary>
    public bool Profile { get; set; }
    public double[] StepMilliseconds { get; private set; } = [];
    public IEnumerable<string> StepDescriptions => _steps.Select(s => s.Description);

    /// <summary>Multiply-accumulates of the last run (conv, depthwise and matmul layers).</summary>
    public long LastRunMacs { get; private set; }

    public IReadOnlyList<Input> Inputs => _inputs;
    public int StepCount => _steps.Count;
    public long PooledFloats => _context.Pool.AllocatedFloats;

    // Each slot is released after its last reader; requested outputs are released after being copied out.
    private void PlanReleases(int slotCount)
    {
        var last = new int[slotCount];
        Array.Fill(last, -1);
        for (var s = 0; s < _steps.Count; s++)
        {
            foreach (var o in _steps[s].Outputs) last[o] = Math.Max(last[o], s);
            foreach (var i in _steps[s].Inputs) last[i] = s;
        }
        var kept = new HashSet<int>(_outputs.Select(o => o.Slot));
        var lists = new List<int>[_steps.Count];
        for (var slot = 0; slot < slotCount; slot++)
        {
            if (last[slot] < 0 || kept.Contains(slot)) continue;
            (lists[last[slot]] ??= new List<int>()).Add(slot);
        }
        for (var s = 0; s < _steps.Count; s++) _steps[s].ReleaseAfter = lists[s]?.ToArray() ?? [];
    }

    public Dictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        foreach (var (slot, value) in _constants) _slots[slot] = value;
        foreach (var input in _inputs)
        {
            if (!inputs.TryGetValue(input.Name, out var tensor) && !inputs.TryGetValue(input.Name + ":0", out tensor))
                throw new InferenceException($"{_modelPath}: input '{input.Name}' was not given (inputs given: {string.Join(", ", inputs.Keys)}).");
            CheckInput(input, tensor);
            _slots[input.Slot] = new Value(new Buffer(tensor.Data, pinned: true), tensor.Shape, input.Type);
        }
        long macs = 0;
        if (Profile && StepMilliseconds.Length != _steps.Count) StepMilliseconds = new double[_steps.Count];
        for (var stepIndex = 0; stepIndex < _steps.Count; stepIndex++)
        {
            var step = _steps[stepIndex];
            var started = Profile ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
            for (var i = 0; i < step.Inputs.Length; i++) step.InputScratch[i] = _slots[step.Inputs[i]];
            try
            {
                macs += step.Op.CountMacs(step.InputScratch);
                step.Op.Run(_context, step.InputScratch, step.OutputScratch);
            }
            catch (Exception e) when (e is not InferenceException and not OutOfMemoryException)
            {
                Array.Clear(_slots);
                throw new InferenceException($"{_modelPath}: {step.Description} failed: {e.Message}", e);
            }
            if (Profile) StepMilliseconds[stepIndex] += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            for (var i = 0; i < step.Outputs.Length; i++) _slots[step.Outputs[i]] = step.OutputScratch[i];
            foreach (var slot in step.ReleaseAfter)
            {
                _context.Pool.Release(_slots[slot].Buffer);
                _slots[slot] = default;
            }
        }
        LastRunMacs = macs;
        var result = new Dictionary<string, Tensor>(_outputs.Count, StringComparer.Ordinal);
        var released = new HashSet<int>();
        foreach (var (name, slot) in _outputs)
        {
            var v = _slots[slot];
            result[name] = new Tensor((int[])v.Shape.Clone(), v.ReadOnly.ToArray());
            if (released.Add(slot) && v.Buffer is not null) _context.Pool.Release(v.Buffer);
        }
        Array.Clear(_slots);
        return result;
    }

    private void CheckInput(Input input, Tensor tensor)
    {
        if (input.Dims is null) return;
        var ok = input.Dims.Length == tensor.Rank;
        for (var d = 0; ok && d < input.Dims.Length; d++)
            ok = input.Dims[d] < 0 || input.Dims[d] == tensor.Shape[d];
        if (!ok)
            throw new InferenceException($"{_modelPath}: input '{input.Name}' has shape [{string.Join(",", tensor.Shape)}] but the model expects [{string.Join(",", input.Dims)}] (-1 = any size).");
    }
}
