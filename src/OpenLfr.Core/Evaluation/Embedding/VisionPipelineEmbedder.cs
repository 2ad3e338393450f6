using System.Collections.Concurrent;
using OpenLfr.Inference;
using OpenLfr.Inference.Models;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Landmarks;
using OpenLfr.Vision.Pipeline;

namespace OpenLfr.Core.Evaluation.Embedding;

/// <summary>
/// The vision pipeline (FaceBoxes detection, face-mesh five points, aligned crop, graph embedder) as an evaluation
/// embedder. One set of single-threaded models per core, images spread over them, which keeps every core busy
/// without the per-layer synchronisation of multi-threaded batch-1 runs. Of several faces, PrimaryFaceRule picks the subject
/// (the face nearest the centre among the large ones), the rule enrolment and the CLI use.
/// </summary>
public sealed class VisionPipelineEmbedder : IEvaluationEmbedder
{
    private readonly ConcurrentBag<Worker> _workers = [];
    private readonly int _workerCount;
    private readonly FaceDetectorOptions _detection;

    public VisionPipelineEmbedder(EmbedderSpec spec, FaceDetectorOptions? detection = null, int? workers = null, ModelStore? store = null,
        string landmarker = LandmarkerFactory.Default)
    {
        store ??= ModelStore.Default();
        _detection = detection ?? new FaceDetectorOptions();
        _workerCount = workers ?? Environment.ProcessorCount;
        var inference = new InferenceOptions { Threads = 1 };
        for (var i = 0; i < _workerCount; i++)
            _workers.Add(new Worker(FaceBoxesDetector.Load(store, inference), LandmarkerFactory.Load(landmarker, store, inference), EmbedderFactory.Load(spec, store, inference)));
        _workers.TryPeek(out var first);
        Id = $"{spec.Id}@{first!.Embedder.Version}/{first.Detector.Name}:{_detection.MinScore}:{_detection.NmsIoU}/{first.Landmarker.Name}/centred/{CodeRevision}";
    }

    public string Id { get; }

    /// <summary>
    /// The build identity of the pipeline code (the engine and vision assemblies' module ids, which deterministic builds
    /// change exactly when their source changes), so cached embeddings never outlive the code that made them.
    /// </summary>
    private static string CodeRevision =>
        string.Concat(new[] { typeof(GraphModel), typeof(FaceBoxesDetector) }.Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8]));

    public IReadOnlyList<float[]?> Embed(IReadOnlyList<string> imagePaths, CancellationToken cancellationToken)
    {
        var results = new float[]?[imagePaths.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = _workerCount, CancellationToken = cancellationToken };
        Parallel.For(0, imagePaths.Count, options, i =>
        {
            if (!_workers.TryTake(out var worker)) throw new InvalidOperationException("More parallel calls than workers.");
            try
            {
                results[i] = worker.Embed(imagePaths[i], _detection);
            }
            finally
            {
                _workers.Add(worker);
            }
        });
        return results;
    }

    public void Dispose()
    {
        while (_workers.TryTake(out var w)) w.Dispose();
    }

    private sealed record Worker(FaceBoxesDetector Detector, IFaceLandmarker Landmarker, IFaceEmbedder Embedder) : IDisposable
    {
        public float[]? Embed(string path, FaceDetectorOptions detection)
        {
            RgbImage image;
            try
            {
                image = ImageDecoder.Default.Decode(path);
            }
            catch (ImageDecodeException e)
            {
                throw new EvaluationException($"Cannot decode image '{path}': {e.Message}", e);
            }
            var faces = Detector.Detect(image, detection);
            if (faces.Count == 0) return null;
            var primary = faces[PrimaryFaceRule.Select(faces, image.Width, image.Height)];
            var points = Landmarker.Locate(image, [primary.Box])[0].Points;
            return Embedder.Embed(image, [points])[0].Vector;
        }

        public void Dispose()
        {
            Detector.Dispose();
            Landmarker.Dispose();
            Embedder.Dispose();
        }
    }
}
