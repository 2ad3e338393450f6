using System.Diagnostics;
using OpenLfr.Core.Evaluation.Dataset;
using OpenLfr.Core.Evaluation.Embedding;
using OpenLfr.Core.Evaluation.Labels;
using OpenLfr.Core.Evaluation.Protocol;

namespace OpenLfr.Core.Evaluation;

/// <summary>
/// One <c>lfr evaluate</c>: read the dataset layout, embed every image with each model (through the cache), score,
/// fuse when several models are named (<c>a+b</c>), and measure.
/// </summary>
public static class EvaluationRun
{
    /// <param name="model">A model name, or several joined by <c>+</c> for score-level fusion.</param>
    /// <param name="createEmbedder">Builds the pipeline for one model name; throws <see cref="EvaluationException"/> for an unknown one.</param>
    /// <param name="cacheDirectory">Embedding cache folder, or null for no cache.</param>
    public static EvaluationResult Execute(
        string datasetPath,
        string model,
        IReadOnlyList<string> labelFiles,
        int? limitIdentities,
        Func<string, IEvaluationEmbedder> createEmbedder,
        string? cacheDirectory,
        IProgress<EmbeddingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var models = ParseModels(model);
        var labels = labelFiles.Count > 0 ? GroupLabels.Load(labelFiles) : null;
        var dataset = EvaluationDataset.Load(datasetPath, limitIdentities);
        var plan = SearchPlan.From(dataset);
        var images = plan.AllImages.ToList();

        var matrices = new List<ScoreMatrix>();
        var stats = new List<(double, double)>();
        foreach (var name in models)
        {
            using var embedder = createEmbedder(name);
            using var cache = cacheDirectory is null ? null : EmbeddingCache.Open(cacheDirectory, embedder.Id);
            var embeddings = EmbeddingRunner.Run(images, embedder, cache, progress, cancellationToken);
            matrices.Add(CosineScorer.Score(plan, embeddings));
            if (models.Count > 1) stats.Add(ScoreFusion.GalleryImpostorStats(plan, embeddings));
        }
        var scores = models.Count == 1 ? matrices[0] : ScoreFusion.Fuse(matrices, stats);
        return Evaluator.Evaluate(scores, dataset.Root, string.Join('+', models), labels, limitIdentities, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Splits <c>a+b</c> into its model names; rejects empty or repeated names.</summary>
    public static IReadOnlyList<string> ParseModels(string model)
    {
        var names = model.Split('+', StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.Any(n => n.Length == 0))
            throw new EvaluationException($"--model '{model}' is not a model name or a fusion like 'mobilefacenet+faceres'.");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new EvaluationException($"--model '{model}' names a model twice.");
        return names;
    }
}
