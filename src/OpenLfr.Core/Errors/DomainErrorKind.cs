namespace OpenLfr.Core.Errors;

/// <summary>What went wrong, independent of transport (the server maps it to 400, 404, 409, 403).</summary>
public enum DomainErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    /// <summary>An upload is larger than the policy allows (HTTP 413).</summary>
    PayloadTooLarge,
}
