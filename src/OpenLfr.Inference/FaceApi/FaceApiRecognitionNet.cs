using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.FaceApi;

/// <summary>
/// face-api's face recogniser (a dlib-style ResNet: 150x150 RGB to a 128-d descriptor), rebuilt on the engine's ops
/// from its weights manifest (uint8-quantised, no topology), and compiled like any graph (fusion, memory plan).
/// Not thread-safe: one instance per worker thread.
/// </summary>
public sealed class FaceApiRecognitionNet : IDisposable
{
    public const int InputSize = 150;
    public const string InputName = "input";
    private const string OutputName = "descriptor";

    // face-api subtracts this RGB mean and divides by 256 before the first layer.
    private static readonly float[] MeanRgb = [122.782f, 117.001f, 104.298f];

    private readonly GraphModel _model;

    private FaceApiRecognitionNet(GraphModel model) => _model = model;

    /// <summary>Loads face_recognition_model-weights_manifest.json and its shard.</summary>
    /// <exception cref="ModelLoadException">The manifest or shard is missing, short, or lacks a weight.</exception>
    public static FaceApiRecognitionNet Load(string manifestPath, InferenceOptions? options = null)
    {
        var weights = WeightsManifestFile.Read(manifestPath);
        var b = new GraphBuilder(Path.GetFullPath(manifestPath), weights);
        var x = b.Input(InputName, -1, InputSize, InputSize, 3);
        x = b.Op("Sub", [x, b.Constant("mean_rgb", MeanRgb, [3])]);
        x = b.Op("Mul", [x, b.Scalar(1f / 256)]);
        var size = InputSize;
        x = ConvLayer(b, x, "conv32_down", 2, "VALID", relu: true);
        size = (size - 7) / 2 + 1;
        x = b.Pool("MaxPool", x, 3, 2, "VALID");
        size = (size - 3) / 2 + 1;
        var channels = 32;
        foreach (var block in new[] { "conv32_1", "conv32_2", "conv32_3", "conv64_down", "conv64_1", "conv64_2", "conv64_3",
                     "conv128_down", "conv128_1", "conv128_2", "conv256_down", "conv256_1", "conv256_2", "conv256_down_out" })
        {
            if (block.Contains("down")) (x, size, channels) = ResidualDown(b, x, block, size, channels);
            else x = Residual(b, x, block);
        }
        var pooled = b.Op("Mean", [x, b.Ints(1, 2)], ("keep_dims", AttrValue.Of(false)));
        b.Add(OutputName, "MatMul", [pooled, b.Weight("fc", channels, 128)]);
        return new FaceApiRecognitionNet(GraphModel.FromGraph(b.Build([InputName], [OutputName]), options));
    }

    /// <summary>
    /// Descriptors for a batch of aligned face crops: input [N,150,150,3] RGB 0..255, output [N,128] (not normalised;
    /// face-api compares them by Euclidean distance). The returned tensor belongs to the caller.
    /// </summary>
    /// <exception cref="InferenceException">The input is not [N,150,150,3].</exception>
    public Tensor Run(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _model.Run(new Dictionary<string, Tensor> { [InputName] = input }, [OutputName])[OutputName];
    }

    /// <summary>Multiply-accumulates of the last run.</summary>
    public long LastRunMacs => _model.LastRunMacs;

    public void Dispose() => _model.Dispose();

    // conv -> + bias -> * scale + shift (face-api's "scale layer") -> optional ReLU; all fold into one conv at compile time.
    private static string ConvLayer(GraphBuilder b, string x, string prefix, int stride, string padding, bool relu)
    {
        var filters = b.Weight($"{prefix}/conv/filters");
        var outC = b.ShapeOf(filters)[3];
        var y = b.Conv2D(x, filters, stride, padding);
        y = b.Op("Add", [y, b.Weight($"{prefix}/conv/bias", outC)]);
        y = b.Op("Mul", [y, b.Weight($"{prefix}/scale/weights", outC)]);
        y = b.Op("Add", [y, b.Weight($"{prefix}/scale/biases", outC)]);
        return relu ? b.Op("Relu", [y]) : y;
    }

    private static string Residual(GraphBuilder b, string x, string prefix)
    {
        var y = ConvLayer(b, x, $"{prefix}/conv1", 1, "SAME", relu: true);
        y = ConvLayer(b, y, $"{prefix}/conv2", 1, "SAME", relu: false);
        return b.Op("Relu", [b.Op("Add", [y, x])]);
    }

    // Stride-2 block: the shortcut is a 2x2 average pool, zero-padded in channels; when the valid 3x3/2 conv comes
    // out one pixel smaller than the pool (even input sizes), face-api pads it with a zero row and column.
    private static (string Output, int Size, int Channels) ResidualDown(GraphBuilder b, string x, string prefix, int size, int channels)
    {
        var y = ConvLayer(b, x, $"{prefix}/conv1", 2, "VALID", relu: true);
        var outC = b.ShapeOf($"{prefix}/conv1/conv/filters")[3];
        y = ConvLayer(b, y, $"{prefix}/conv2", 1, "SAME", relu: false);
        var convSize = (size - 3) / 2 + 1;
        var poolSize = (size - 2) / 2 + 1;
        var shortcut = b.Pool("AvgPool", x, 2, 2, "VALID");
        if (convSize != poolSize)
        {
            var grow = poolSize - convSize;
            y = b.Op("Pad", [y, b.Ints(0, 0, 0, grow, 0, grow, 0, 0)]);
        }
        if (channels != outC)
            shortcut = b.Op("Pad", [shortcut, b.Ints(0, 0, 0, 0, 0, 0, 0, outC - channels)]);
        return (b.Op("Relu", [b.Op("Add", [shortcut, y])]), poolSize, outC);
    }
}
