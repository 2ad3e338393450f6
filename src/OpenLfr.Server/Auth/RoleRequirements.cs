namespace OpenLfr.Server.Auth;

public static class RoleRequirements
{
    /// <summary>Allows only users in one of <paramref name="roles"/>.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.RequireRole(roles));
}
