using Microsoft.Extensions.Options;
using OpenLfr.Vision.Embedding;

namespace OpenLfr.Core.Recognition;

/// <summary>Refuses an embedder id the vision pipeline does not know, naming the known ones.</summary>
public sealed class RecognitionOptionsValidator : IValidateOptions<RecognitionOptions>
{
    public ValidateOptionsResult Validate(string? name, RecognitionOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Embedder))
            return ValidateOptionsResult.Fail($"{RecognitionOptions.Section}:Embedder is empty; name the recognition embedder (e.g. {EmbedderSpec.DefaultId}).");
        if (EmbedderSpec.All.All(s => s.Id != o.Embedder))
            return ValidateOptionsResult.Fail($"{RecognitionOptions.Section}:Embedder '{o.Embedder}' is not a known embedder; use one of: {string.Join(", ", EmbedderSpec.All.Select(s => s.Id))}.");
        return ValidateOptionsResult.Success;
    }
}
