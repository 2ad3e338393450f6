namespace OpenLfr.Core.Errors;

/// <summary>Collects field errors so a request reports every problem at once, then throws if any.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void Require(string field, string? value, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{field} is required.");
        else if (value.Length > maxLength) Add(field, $"{field} is longer than {maxLength} characters.");
    }

    public bool Any => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw DomainException.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
