using OpenLfr.Inference.Graph;

namespace OpenLfr.Inference.FaceApi;

/// <summary>
/// face-api's 68-point landmark net (four dense blocks of separable convs, then a dense layer), rebuilt on the engine's
/// ops from its weights manifest. Not thread-safe: one instance per worker thread.
/// </summary>
public sealed class FaceApiLandmark68Net : IDisposable
{
    public const int InputSize = 112;
    public const string InputName = "input";
    private const string OutputName = "landmarks";

    private static readonly float[] MeanRgb = [122.782f, 117.001f, 104.298f];

    private readonly GraphModel _model;

    private FaceApiLandmark68Net(GraphModel model) => _model = model;

    /// <summary>Loads face_landmark_68_model-weights_manifest.json and its shard.</summary>
    /// <exception cref="ModelLoadException">The manifest or shard is missing, short, or lacks a weight.</exception>
    public static FaceApiLandmark68Net Load(string manifestPath, InferenceOptions? options = null)
    {
        var weights = WeightsManifestFile.Read(manifestPath);
        var b = new GraphBuilder(Path.GetFullPath(manifestPath), weights);
        var x = b.Input(InputName, -1, InputSize, InputSize, 3);
        x = b.Op("Sub", [x, b.Constant("mean_rgb", MeanRgb, [3])]);
        x = b.Op("RealDiv", [x, b.Scalar(255)]);
        x = DenseBlock(b, x, "dense0", first: true);
        x = DenseBlock(b, x, "dense1", first: false);
        x = DenseBlock(b, x, "dense2", first: false);
        x = DenseBlock(b, x, "dense3", first: false);
        x = b.Pool("AvgPool", x, 7, 2, "VALID");
        var features = b.ShapeOf("fc/weights")[0];
        x = b.Op("Reshape", [x, b.Ints(-1, features)]);
        x = b.Op("MatMul", [x, b.Weight("fc/weights", features, 136)]);
        x = b.Op("Add", [x, b.Weight("fc/bias", 136)]);
        // face-api's post-processing for a square input: * inputSize, - 0 padding, / inputSize.
        x = b.Op("Mul", [x, b.Scalar(InputSize)]);
        b.Add(OutputName, "RealDiv", [x, b.Scalar(InputSize)]);
        return new FaceApiLandmark68Net(GraphModel.FromGraph(b.Build([InputName], [OutputName]), options));
    }

    /// <summary>
    /// Landmarks for a batch of square face crops: input [N,112,112,3] RGB 0..255, output [N,136] as x0,y0,x1,y1,...
    /// relative to the crop (0..1). The returned tensor belongs to the caller.
    /// </summary>
    public Tensor Run(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _model.Run(new Dictionary<string, Tensor> { [InputName] = input }, [OutputName])[OutputName];
    }

    public long LastRunMacs => _model.LastRunMacs;

    public void Dispose() => _model.Dispose();

    private static string Separable(GraphBuilder b, string x, string prefix, int stride)
    {
        var y = b.Depthwise(x, b.Weight($"{prefix}/depthwise_filter"), stride, "SAME");
        y = b.Conv2D(y, b.Weight($"{prefix}/pointwise_filter"), 1, "VALID");
        return b.Op("Add", [y, b.Weight($"{prefix}/bias")]);
    }

    private static string DenseBlock(GraphBuilder b, string x, string prefix, bool first)
    {
        var out1 = first
            ? b.Op("Add", [b.Conv2D(x, b.Weight($"{prefix}/conv0/filters"), 2, "SAME"), b.Weight($"{prefix}/conv0/bias")])
            : Separable(b, x, $"{prefix}/conv0", 2);
        out1 = b.Op("Relu", [out1]);
        var out2 = Separable(b, out1, $"{prefix}/conv1", 1);
        var in3 = b.Op("Relu", [b.Op("Add", [out1, out2])]);
        var out3 = Separable(b, in3, $"{prefix}/conv2", 1);
        var in4 = b.Op("Relu", [b.Op("Add", [out1, b.Op("Add", [out2, out3])])]);
        var out4 = Separable(b, in4, $"{prefix}/conv3", 1);
        return b.Op("Relu", [b.Op("Add", [out1, b.Op("Add", [out2, b.Op("Add", [out3, out4])])])]);
    }
}
