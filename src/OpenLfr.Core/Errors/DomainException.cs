namespace OpenLfr.Core.Errors;

/// <summary>
/// A rule of the domain refused a request. The server maps the kind to an HTTP status and an RFC 7807
/// problem detail; nothing has been written when one of these is thrown.
/// </summary>
public class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string title, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Kind = kind;
        Title = title;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public DomainErrorKind Kind { get; }
    public string Title { get; }

    /// <summary>Field name to messages, for validation failures.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static DomainException Validation(string field, string message) =>
        new(DomainErrorKind.Validation, "The request is not valid.", message, new Dictionary<string, string[]> { [field] = [message] });

    public static DomainException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(DomainErrorKind.Validation, "The request is not valid.", string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    public static DomainException NotFound(string what, object id) =>
        new(DomainErrorKind.NotFound, $"{what} not found.", $"No {what.ToLowerInvariant()} with id {id}.");

    public static DomainException Conflict(string message) =>
        new(DomainErrorKind.Conflict, "The request conflicts with the current state.", message);

    public static DomainException Forbidden(string message) =>
        new(DomainErrorKind.Forbidden, "Not allowed.", message);
}
