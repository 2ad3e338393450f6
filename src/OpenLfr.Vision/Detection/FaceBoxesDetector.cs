using OpenLfr.Inference;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Detection;

/// <summary>
/// The FaceBoxes detector (human-models' TensorFlow.js port) run on the whole frame by the managed engine.
/// The graph is run only up to its six prediction heads; anchors, decoding and NMS are done here in C#,
/// which is both faster than the graph's own loop-based NMS and lets us pick thresholds and scales.
/// Not thread-safe (one per worker thread).
/// </summary>
public sealed class FaceBoxesDetector : IFaceDetector
{
    public const string ModelName = "faceboxes";
    private static readonly string[] BoxHeads = ["prediction_layers/box_encoding_predictor_0/BiasAdd", "prediction_layers/box_encoding_predictor_1/BiasAdd", "prediction_layers/box_encoding_predictor_2/BiasAdd"];
    private static readonly string[] ClassHeads = ["prediction_layers/class_predictor_0/BiasAdd", "prediction_layers/class_predictor_1/BiasAdd", "prediction_layers/class_predictor_2/BiasAdd"];
    private static readonly string[] Outputs = [.. BoxHeads, .. ClassHeads];

    private readonly GraphModel _model;
    private readonly string _input;
    private FaceBoxesAnchors? _anchors;

    public FaceBoxesDetector(GraphModel model)
    {
        _model = model;
        _input = model.InputNames[0];
    }

    public static FaceBoxesDetector Load(ModelStore? store = null, InferenceOptions? options = null) =>
        new(GraphModel.Load((store ?? ModelStore.Default()).Require(ModelName), options));

    public string Name => ModelName;

    public IReadOnlyList<FaceDetection> Detect(RgbImage image, FaceDetectorOptions? options = null)
    {
        options ??= new FaceDetectorOptions();
        var roi = (options.RegionOfInterest ?? new BoxF(0, 0, image.Width, image.Height)).Clip(image.Width, image.Height);
        if (roi.Width < 8 || roi.Height < 8) return [];
        var scale = options.ResolveScale(roi.Width, roi.Height);
        var w = Math.Max(1, (int)MathF.Round(roi.Width * scale));
        var h = Math.Max(1, (int)MathF.Round(roi.Height * scale));
        // Pad (zeros, bottom/right) to a multiple of 128 as the model was trained; the graph would do it too.
        var pw = (w + FaceBoxesAnchors.Alignment - 1) / FaceBoxesAnchors.Alignment * FaceBoxesAnchors.Alignment;
        var ph = (h + FaceBoxesAnchors.Alignment - 1) / FaceBoxesAnchors.Alignment * FaceBoxesAnchors.Alignment;
        var input = new Tensor([1, ph, pw, 3]);
        ImageSampler.CropResize(image, roi.X, roi.Y, roi.Width, roi.Height, w, h, input.Data, 1f, pw * 3);
        // The graph casts its uint8 input: round as a uint8 image would be.
        var data = input.Data;
        for (var i = 0; i < data.Length; i++) data[i] = MathF.Round(data[i]);

        var results = _model.Run(new Dictionary<string, Tensor> { [_input] = input }, Outputs);
        if (_anchors is null || _anchors.Width != pw || _anchors.Height != ph) _anchors = FaceBoxesAnchors.Generate(pw, ph);
        var candidates = FaceBoxesDecoder.Decode(_anchors,
            BoxHeads.Select(n => results[n].Data).ToArray(),
            ClassHeads.Select(n => results[n].Data).ToArray(),
            options.MinScore, w, h);
        var kept = NonMaxSuppression.Apply(candidates, options.NmsIoU, options.MaxFaces);
        // Back to source pixels.
        return kept.Select(d => d with { Box = d.Box.Scale(1 / scale, 1 / scale).Offset(roi.X, roi.Y) }).ToList();
    }

    public void Dispose() => _model.Dispose();
}
