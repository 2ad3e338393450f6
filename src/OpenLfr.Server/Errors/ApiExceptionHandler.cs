using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Errors;

namespace OpenLfr.Server.Errors;

/// <summary>
/// Turns exceptions into problem details: domain rule failures (400/403/404/409/413), unreadable requests
/// such as malformed JSON or an unknown enum value (400, naming the JSON path), too-large bodies (413).
/// Anything else is a 500 without internals.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case DomainException e:
                var status = e.Kind switch
                {
                    DomainErrorKind.Validation => 400,
                    DomainErrorKind.NotFound => 404,
                    DomainErrorKind.Conflict => 409,
                    DomainErrorKind.Forbidden => 403,
                    DomainErrorKind.PayloadTooLarge => 413,
                    _ => 400,
                };
                problem = e.Errors.Count > 0
                    ? new ValidationProblemDetails(e.Errors.ToDictionary(x => x.Key, x => x.Value)) { Status = status, Title = e.Title, Detail = e.Message }
                    : new ProblemDetails { Status = status, Title = e.Title, Detail = e.Message };
                break;
            case BadHttpRequestException e:
                problem = new ProblemDetails
                {
                    Status = e.StatusCode,
                    Title = e.StatusCode == 413 ? "The request body is too large." : "The request could not be read.",
                    Detail = e.InnerException is JsonException json ? $"{e.Message} {json.Message}" : e.Message,
                };
                break;
            case CryptographicException:
                logger.LogError(exception, "Stored biometric data did not decrypt");
                problem = new ProblemDetails { Status = 500, Title = "Stored data could not be decrypted.", Detail = "The data key does not match the stored data, or the data was altered." };
                break;
            default:
                logger.LogError(exception, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
                problem = new ProblemDetails { Status = 500, Title = "Internal server error." };
                break;
        }
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
