using System.Diagnostics;
using OpenLfr.Inference;
using OpenLfr.Inference.FaceApi;
using OpenLfr.Inference.Models;

namespace OpenLfr.Cli.Benchmarks;

/// <summary>
/// Whole models on the engine at the sizes the issue fixes (and the peer bench uses): warm-up, then at least
/// 20 timed runs; median and min wall time, and GMAC/s of the conv/depthwise/matmul layers at the median.
/// </summary>
internal static class EngineBenchmarks
{
    public sealed record Case(string Model, int Height, int Width, bool BatchOne, string[] Outputs, float Low = 0, float High = 255);

    public sealed record Result(string Model, string Input, int Batch, int Threads, double MedianMs, double MinMs, double Gmacs, long Macs);

    public static readonly string[] FaceboxesHeads =
    [
        "prediction_layers/class_predictor_0/BiasAdd", "prediction_layers/box_encoding_predictor_0/BiasAdd",
        "prediction_layers/class_predictor_1/BiasAdd", "prediction_layers/box_encoding_predictor_1/BiasAdd",
        "prediction_layers/class_predictor_2/BiasAdd", "prediction_layers/box_encoding_predictor_2/BiasAdd",
    ];

    /// <summary>The default set (the list), then extra models that run only when named.</summary>
    public static IReadOnlyList<Case> Cases { get; } =
    [
        new("faceboxes", 1088, 1920, BatchOne: true, FaceboxesHeads),
        new("mobilefacenet", 112, 112, false, ["embeddings"], -1, 1),
        new("faceres", 224, 224, false, ["global_pooling/Mean"], 0, 1),
        new("faceapi-face_recognition", 150, 150, false, []),
        new("mobileface", 112, 112, false, ["batchnorm0/add_1"]),
    ];

    public static IReadOnlyList<Case> Extra { get; } =
    [
        new("faceres-deep", 224, 224, false, ["global_pooling/Mean"], 0, 1),
        new("blazeface-back", 256, 256, true, ["Identity", "Identity_1", "Identity_2", "Identity_3"], -1, 1),
        new("facemesh-detection-full", 192, 192, false, ["Identity", "Identity_1"], -1, 1),
        new("faceapi-face_landmark_68", 112, 112, false, []),
    ];

    public static Result Measure(ModelStore store, Case c, int batch, int threads, int runs, int warmup, bool profile = false)
    {
        var path = store.Require(c.Model);
        var options = new InferenceOptions { Threads = threads };
        var input = RandomInput([batch, c.Height, c.Width, 3], c.Low, c.High);
        Func<long> run;
        IDisposable owner;
        Action? profileReport = null;
        switch (c.Model)
        {
            case "faceapi-face_recognition":
                var rec = FaceApiRecognitionNet.Load(path, options);
                (owner, run) = (rec, () => { rec.Run(input); return rec.LastRunMacs; });
                break;
            case "faceapi-face_landmark_68":
                var lm = FaceApiLandmark68Net.Load(path, options);
                (owner, run) = (lm, () => { lm.Run(input); return lm.LastRunMacs; });
                break;
            default:
                var model = GraphModel.Load(path, options);
                var feeds = new Dictionary<string, Tensor> { [model.InputNames[0]] = input };
                (owner, run) = (model, () => { model.Run(feeds, c.Outputs); return model.LastRunMacs; });
                if (profile) model.ProfileSteps(c.Outputs);
                profileReport = () =>
                {
                    var steps = model.ProfileSteps(c.Outputs);
                    var total = steps.Sum(s => s.Milliseconds);
                    foreach (var (step, ms) in steps.Take(25))
                        Console.WriteLine($"    {100 * ms / total,5:F1}%  {ms / (runs + warmup),8:F3} ms  {step}");
                };
                break;
        }
        using (owner)
        {
            long macs = 0;
            for (var i = 0; i < warmup; i++) macs = run();
            var times = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                run();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(times);
            if (profile) profileReport?.Invoke();
            var median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
            return new Result(c.Model, $"{c.Width}x{c.Height}", batch, threads, median, times[0], macs / (median * 1e6), macs);
        }
    }

    private static Tensor RandomInput(int[] shape, float low, float high)
    {
        var random = new Random(42);
        var t = new Tensor(shape);
        for (var i = 0; i < t.Data.Length; i++) t.Data[i] = low + (float)random.NextDouble() * (high - low);
        return t;
    }
}
