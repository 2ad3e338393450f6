namespace OpenLfr.Server.Errors;

public static class ErrorServiceCollectionExtensions
{
    /// <summary>RFC 7807 problem details for every error response, including bare 401/403/404.</summary>
    public static IServiceCollection AddOpenLfrErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }
}
