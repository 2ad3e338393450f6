using OpenLfr.Inference;
using OpenLfr.Testing;

namespace OpenLfr.Inference.Tests.Parity;

/// <summary>Whole models against TensorFlow.js 4.22 (cpu backend) on fixed pseudo-random inputs.</summary>
public sealed class GraphModelParityTests
{
    private static readonly string[] FaceboxesHeads =
    [
        "prediction_layers/class_predictor_0/BiasAdd", "prediction_layers/box_encoding_predictor_0/BiasAdd",
        "prediction_layers/class_predictor_1/BiasAdd", "prediction_layers/box_encoding_predictor_1/BiasAdd",
        "prediction_layers/class_predictor_2/BiasAdd", "prediction_layers/box_encoding_predictor_2/BiasAdd",
    ];

    private static void Check(string model, int[] shape, string[] outputs, float low = 0, float high = 255, bool intInput = false,
        double? cosine = null, int seed = 1)
    {
        var path = OpenLfr.Testing.Models.Store.Require(model);
        using var graph = GraphModel.Load(path, new InferenceOptions { Threads = 2 });
        var inputName = graph.InputNames.Single();
        var input = TfjsReference.RandomInput(shape, seed, low, high, intInput);
        var reference = TfjsReference.Compute("graph", path, inputName, input, outputs, intInput);
        var actual = graph.Run(new Dictionary<string, Tensor> { [inputName] = input }, outputs);
        for (var i = 0; i < outputs.Length; i++)
            ParityAssert.Close(reference[i], actual[outputs[i]], $"{model} {outputs[i]}", minCosinePerRow: cosine);
    }

    [RequiresTfjsFact("mobilefacenet")]
    public void Mobilefacenet_embeddings_match_tfjs_at_batch_2() =>
        Check("mobilefacenet", [2, 112, 112, 3], ["embeddings"], -1, 1, cosine: 0.99999);

    [RequiresTfjsFact("faceboxes")]
    public void Faceboxes_heads_match_tfjs_at_an_odd_size() =>
        Check("faceboxes", [1, 333, 517, 3], FaceboxesHeads, intInput: true);

    [RequiresTfjsFact("faceres")]
    public void Faceres_descriptor_matches_tfjs() =>
        Check("faceres", [1, 224, 224, 3], ["global_pooling/Mean", "gender_pred/Sigmoid", "age_pred/Softmax"], 0, 1, cosine: 0.99999);

    [RequiresTfjsFact("faceres-deep")]
    public void Faceres_deep_descriptor_matches_tfjs() =>
        Check("faceres-deep", [1, 224, 224, 3], ["global_pooling/Mean"], 0, 1, cosine: 0.99999);

    [RequiresTfjsFact("mobileface")]
    public void Mobileface_embedding_matches_tfjs_at_batch_3() =>
        Check("mobileface", [3, 112, 112, 3], ["batchnorm0/add_1"], 0, 255, cosine: 0.99999);

    [RequiresTfjsFact("blazeface-back")]
    public void Blazeface_back_matches_tfjs() =>
        Check("blazeface-back", [1, 256, 256, 3], ["Identity", "Identity_1", "Identity_2", "Identity_3"], -1, 1);

    [RequiresTfjsFact("facemesh-detection-full")]
    public void Facemesh_detection_full_matches_tfjs_at_batch_2() =>
        Check("facemesh-detection-full", [2, 192, 192, 3], ["Identity", "Identity_1"], -1, 1);

    [RequiresTfjsFact("facemesh")]
    public void Facemesh_matches_tfjs() =>
        Check("facemesh", [1, 192, 192, 3], ["Identity", "Identity_1", "Identity_2"], 0, 1);
}
